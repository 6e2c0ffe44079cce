import type { PipeTransform } from '@nestjs/common';
import { invalid } from '#kernel';

// Opaque ids (no e-mail address): they go into the log, which cannot be erased.
const PERSON_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const ORGANISATION_ID = /^[0-9A-Za-z]{8,14}$/;

/** A person's directory id (a token's subject): letters, digits and . _ : -, at most 128. */
export const personIdPipe = (): PipeTransform<string, string> => ({
  transform(value: string) {
    if (!PERSON_ID.test(value)) throw invalid('INVALID_ID', 'personId', 'directory-id');
    return value;
  },
});

/** An organisation's id: its official identifier (UAI, SIRET, FINESS), as stored. */
export const organisationIdPipe = (): PipeTransform<string, string> => ({
  transform(value: string) {
    if (!ORGANISATION_ID.test(value)) throw invalid('INVALID_ID', 'organisationId', 'uai|siret|finess');
    return value.toUpperCase();
  },
});

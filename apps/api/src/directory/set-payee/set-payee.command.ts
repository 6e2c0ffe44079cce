import { Command } from '@nestjs/cqrs';
import type { Payee } from '#directory';
import type { CommandMeta } from '#kernel';
import type { DirectoryWritten } from '../directory-written.js';

/** Who receives the organisation's money: itself (SIRET, IBAN) or the body paying for it (a school's commune, its EPLE). */
export class SetPayee extends Command<DirectoryWritten> {
  constructor(
    readonly organisationId: string,
    readonly payee: Payee,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

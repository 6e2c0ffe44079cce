import type { Readable } from 'node:stream';
import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';

/** The funding ledger as an XLSX stream (typed cells), with the CSV's rows and access rule. */
export class ExportLedgerXlsx extends Query<Readable> {
  constructor(readonly principal: Actor) {
    super();
  }
}

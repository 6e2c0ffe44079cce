import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';

/**
 * The funding ledger as CSV text chunks, one money event a row, with `separator` (',' by default, ';' for French
 * spreadsheets): every envelope, or a finance principal's own. The chunks are pulled one page of the log at a time.
 */
export class ExportLedger extends Query<AsyncIterable<string>> {
  constructor(
    readonly principal: Actor,
    readonly separator?: string,
  ) {
    super();
  }
}

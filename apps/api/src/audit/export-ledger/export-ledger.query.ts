import type { Readable } from 'node:stream';
import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';

/**
 * The funding ledger as a CSV stream, one money movement a row with signed AE and CP: `format` 'fr' (default: ';',
 * decimal comma, BOM, Paris dates) or 'international'. Every envelope, or a finance principal's own. The stream reads
 * the log one page at a time, as its reader pulls.
 */
export class ExportLedger extends Query<Readable> {
  constructor(
    readonly principal: Actor,
    readonly format?: string,
    /** The query parameter before `format` (',' or ';'): refused with a pointer to `format`. */
    readonly separator?: string,
  ) {
    super();
  }
}

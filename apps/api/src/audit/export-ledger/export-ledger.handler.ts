import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid } from '#kernel';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type CsvSeparator, ledgerCsv } from '#audit';
import { canSeeEnvelope } from '#funding';
import { ExportLedger } from './export-ledger.query.js';

function separatorOf(raw: string | undefined): CsvSeparator {
  if (raw === undefined || raw === '' || raw === ',' || raw === 'comma') return ',';
  if (raw === ';' || raw === 'semicolon') return ';';
  throw invalid('VALIDATION_FAILED', 'separator', "',' (comma) or ';' (semicolon, French spreadsheets)");
}

@QueryHandler(ExportLedger)
export class ExportLedgerHandler implements IQueryHandler<ExportLedger> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Checks the separator now; the log is read only as the caller pulls the chunks. */
  async execute({ principal, separator: raw }: ExportLedger): Promise<AsyncIterable<string>> {
    const separator = separatorOf(raw);
    // The envelope policy: national roles every envelope, finance those of its territory.
    const envelopeFilter = (id: string) => canSeeEnvelope(principal, id);
    return ledgerCsv(this.store, { separator, envelopeFilter });
  }
}

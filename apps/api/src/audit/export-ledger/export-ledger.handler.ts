import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid } from '#kernel';
import { EVENT_STORE, type EventStore } from '#event-store';
import { LEDGER_CSV_FORMATS, type LedgerCsvFormat, ledgerCsv } from '#audit';
import { ProjectListQueries } from '#projections';
import { ledgerSourceFor } from './ledger-source.js';
import { ExportLedger } from './export-ledger.query.js';

function formatOf(raw: string | undefined, separator: string | undefined): LedgerCsvFormat {
  if (separator !== undefined)
    throw invalid('VALIDATION_FAILED', 'separator', 'replaced by format: fr (default) or international', {
      detail: 'Le paramètre « separator » n’existe plus : format=fr (par défaut, « ; ») ou format=international (« , »).',
    });
  if (raw === undefined || raw === '') return 'fr';
  if ((LEDGER_CSV_FORMATS as readonly string[]).includes(raw)) return raw as LedgerCsvFormat;
  throw invalid('VALIDATION_FAILED', 'format', 'fr (French spreadsheets, the default) or international');
}

@QueryHandler(ExportLedger)
export class ExportLedgerHandler implements IQueryHandler<ExportLedger> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectListQueries) private readonly projects: ProjectListQueries,
  ) {}

  /** Checks the format now; the log is read only as the caller pulls the stream. */
  async execute({ principal, format, separator }: ExportLedger): Promise<Readable> {
    return ledgerCsv(this.store, { format: formatOf(format, separator), ...ledgerSourceFor(principal, this.projects) });
  }
}

import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ledgerXlsx } from '#audit';
import { ProjectListQueries } from '#projections';
import { ledgerSourceFor } from '../export-ledger/ledger-source.js';
import { ExportLedgerXlsx } from './export-ledger-xlsx.query.js';

@QueryHandler(ExportLedgerXlsx)
export class ExportLedgerXlsxHandler implements IQueryHandler<ExportLedgerXlsx> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectListQueries) private readonly projects: ProjectListQueries,
  ) {}

  async execute({ principal }: ExportLedgerXlsx): Promise<Readable> {
    return ledgerXlsx(this.store, ledgerSourceFor(principal, this.projects));
  }
}

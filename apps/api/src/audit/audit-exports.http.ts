import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import { type Actor, invalid } from '#kernel';
import { EVENT_STORE, type EventStore } from '#event-store';
import { canSeeEnvelope, type CsvSeparator, ledgerCsv, logJsonLines } from '#audit';

function separatorOf(raw: string | undefined): CsvSeparator {
  if (raw === undefined || raw === '' || raw === ',' || raw === 'comma') return ',';
  if (raw === ';' || raw === 'semicolon') return ';';
  throw invalid('VALIDATION_FAILED', 'separator', "',' (comma) or ';' (semicolon, French spreadsheets)");
}

/** Streamed exports: the response pulls one page of the log at a time (Readable.from: backpressure included). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditExportsHttp {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('ledger.csv')
  @Roles('auditor', 'admin', 'finance')
  @ApiOperation({ summary: 'The funding ledger, one row per money event (UTF-8 with BOM); finance sees the envelopes of its territory' })
  @ApiQuery({ name: 'separator', required: false, description: "',' (default) or ';' (decimal comma, French spreadsheets)" })
  @ApiProduces('text/csv')
  ledger(@Query() query: { separator?: string }, @CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const separator = separatorOf(query.separator);
    const envelopeFilter = actor.role === 'finance' ? (id: string) => canSeeEnvelope(actor, id) : undefined;
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="refonda-ledger.csv"')
      .send(Readable.from(ledgerCsv(this.store, { separator, envelopeFilter })));
  }

  @Get('log.jsonl')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'The whole event log as JSON Lines, in global order' })
  @ApiProduces('application/x-ndjson')
  log(@Res() reply: FastifyReply) {
    return reply
      .header('Content-Type', 'application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="refonda-log.jsonl"')
      .send(Readable.from(logJsonLines(this.store)));
  }
}

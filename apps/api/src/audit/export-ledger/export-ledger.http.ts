import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { ExportLedger } from './export-ledger.query.js';

/** Streamed: Readable.from pulls the next chunk only when the response has room (backpressure), so memory stays flat. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportLedgerHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('ledger.csv')
  @Roles('auditor', 'admin', 'finance')
  @ApiOperation({ summary: 'The funding ledger, one row per money event (UTF-8 with BOM); finance sees the envelopes of its territory' })
  @ApiQuery({ name: 'separator', required: false, description: "',' (default) or ';' (decimal comma, French spreadsheets)" })
  @ApiProduces('text/csv')
  async ledger(@Query() query: { separator?: string }, @CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const chunks = await this.queries.execute(new ExportLedger(actor, query.separator));
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="refonda-ledger.csv"')
      .send(Readable.from(chunks));
  }
}

import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { ExportLedger } from './export-ledger.query.js';

/** Streamed: Fastify pipes the stream to the socket, which pulls the next page of the log only when it has room. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportLedgerHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('ledger.csv')
  @Roles('auditor', 'admin', 'finance')
  @ApiOperation({
    summary: 'The funding ledger, one row per money movement with signed AE and CP (French columns); finance sees its territory',
  })
  @ApiQuery({
    name: 'format',
    required: false,
    description: "fr (default: ';', decimal comma, UTF-8 BOM, Paris dates JJ/MM/AAAA HH:MM:SS) or international (',', ISO dates)",
  })
  @ApiProduces('text/csv')
  async ledger(@Query() query: { format?: string; separator?: string }, @CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const stream = await this.queries.execute(new ExportLedger(actor, query.format, query.separator));
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="refonda-grand-livre.csv"')
      .send(stream);
  }
}

import { Controller, Get, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { ExportLedgerXlsx } from './export-ledger-xlsx.query.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streamed as it is written: the workbook's rows are added only as fast as the response takes them. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportLedgerXlsxHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('ledger.xlsx')
  @Roles('auditor', 'admin', 'finance')
  @ApiOperation({
    summary: 'The funding ledger as an XLSX workbook: dates as dates (Paris time), AE and CP as numbers in euros; finance its territory',
  })
  @ApiProduces(XLSX)
  async ledger(@CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const stream = await this.queries.execute(new ExportLedgerXlsx(actor));
    return reply.header('Content-Type', XLSX).header('Content-Disposition', 'attachment; filename="refonda-grand-livre.xlsx"').send(stream);
  }
}

import { Readable } from 'node:stream';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '#auth';
import { ExportLog } from './export-log.query.js';

/** Streamed: Readable.from pulls the next chunk only when the response has room (backpressure), so memory stays flat. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportLogHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('log.jsonl')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'The whole event log as JSON Lines, in global order' })
  @ApiProduces('application/x-ndjson')
  async log(@Res() reply: FastifyReply) {
    const chunks = await this.queries.execute(new ExportLog());
    return reply
      .header('Content-Type', 'application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="refonda-log.jsonl"')
      .send(Readable.from(chunks));
  }
}

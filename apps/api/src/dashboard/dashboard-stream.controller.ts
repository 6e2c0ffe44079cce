import { Get, Inject, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HOLDS_CONNECTION } from '../http/limits/stream-cap.js';
import { DashboardFiguresController } from './dashboard-figures.decorator.js';
import { DashboardStream } from './dashboard-stream.service.js';

/** The live figures as Server-Sent Events: the one dashboard route that holds the connection (DashboardStream). */
@DashboardFiguresController()
export class DashboardStreamController {
  constructor(@Inject(DashboardStream) private readonly stream: DashboardStream) {}

  /** Left out of OpenAPI (it never ends, which a documentation client cannot read); capped per caller (streamCap). */
  @Get('stream')
  @RouteConfig(HOLDS_CONNECTION)
  @ApiExcludeEndpoint()
  live(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('lastEventId') lastEventIdQuery?: string) {
    const raw = (req.headers['last-event-id'] as string | undefined) ?? lastEventIdQuery;
    const lastEventId = raw !== undefined && /^\d{1,15}$/.test(raw) ? BigInt(raw) : undefined;
    reply.hijack();
    this.stream.connect(reply.raw, lastEventId);
  }
}

import { Controller, Get, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, type HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '#auth';
import type { Actor } from '#kernel';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { publicHealth } from './public-health.js';
import { RefondaHealthIndicators } from './refonda-health.indicators.js';

/**
 * Liveness (the process answers) and readiness (the store answers, no projection or process has failed).
 * Anyone sees up/down and lag; an admin token also sees positions, replica, checkpoint files and errors.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: RefondaHealthIndicators,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: 200 while the process serves (restart it when this fails)' })
  live() {
    return this.health.check([]);
  }

  @Public()
  @Get(['', 'ready'])
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Readiness (also GET /health): store, each projection and process, with its lag; 503 if one has failed or the store is down. ' +
      'Positions, replica, files and errors for an admin token only',
  })
  async ready(@Req() request: FastifyRequest & { actor?: Actor }, @Res({ passthrough: true }) reply: FastifyReply) {
    let result: HealthCheckResult;
    try {
      result = await this.health.check(this.indicators.readiness());
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      result = error.getResponse() as HealthCheckResult;
    }
    if (request.actor?.role !== 'admin') return publicHealth(result);
    return { ...result, replica: this.config.replicaId, storeKind: this.config.eventStore.kind };
  }
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerTokenOf, JwtService, OwnAuthentication, PRINCIPAL_RESOLVER, type PrincipalResolver } from '#auth';
import { DomainError } from '#kernel';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { ConsumerGauges } from './consumer-gauges.js';

const digest = (text: string) => createHash('sha256').update(text).digest();
/** Constant time whatever the lengths (and the bytes: a non-ASCII token is not a length mismatch to throw on). */
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/**
 * GET /metrics (Prometheus text format) for the scraper's METRICS_TOKEN or an admin token; refused to anyone else.
 * Lags and client counts are read at scrape time from this application's runners.
 */
@ApiExcludeController()
@Controller()
export class MetricsController extends PrometheusController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly gauges: ConsumerGauges,
    @Inject(PRINCIPAL_RESOLVER) private readonly directory: PrincipalResolver,
  ) {
    super();
  }

  @OwnAuthentication()
  @Get()
  override async index(@Res({ passthrough: true }) response: FastifyReply, @Req() request?: FastifyRequest): Promise<string> {
    await this.allow(request?.headers.authorization);
    await this.gauges.refresh();
    return super.index(response);
  }

  private async allow(header: string | undefined): Promise<void> {
    const token = bearerTokenOf(header);
    if (!token)
      throw new DomainError('unauthenticated', 'AUTH_REQUIRED', 'Les métriques demandent le jeton METRICS_TOKEN ou un jeton admin.');
    if (this.config.metricsToken && sameSecret(token, this.config.metricsToken)) return;
    const claims = await this.jwt.verify(token).catch(() => undefined);
    if (!claims) throw new DomainError('unauthenticated', 'AUTH_INVALID', 'Jeton refusé pour les métriques.');
    if (claims.role !== 'admin') throw new DomainError('forbidden', 'ROLE_FORBIDDEN', 'Seul un jeton admin lit les métriques.');
    await this.directory.actorOf(claims);
  }
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '#auth';
import type { LimitsConfig } from '../../config/limits.config.js';
import { refuseWhileClosing } from './closing.js';
import { registerRateLimits } from './rate-limits.js';
import { listenForRefusals, type OnRefused } from './refusals.js';
import { registerSecurityHeaders } from './security-headers.js';
import { capConnections } from './server-options.js';

export { fastifyOptions } from './server-options.js';
export type { OnRefused, RefusalKind } from './refusals.js';

/**
 * What every request meets first, before the other onRequest hooks (so that their errors carry the headers too):
 * security headers, the 503 once the app closes, then the rate limits (unless RATE_LIMIT=off); and the connection cap.
 * `onRefused` hears each refusal (a 429 by limit, a 408 request timeout, a connection over the cap): one line attaches a
 * metric to it.
 * Timeouts and the trusted proxy are the adapter's options (fastifyOptions).
 */
export async function registerHttpLimits(app: NestFastifyApplication, limits: LimitsConfig, onRefused?: OnRefused): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (onRefused) listenForRefusals(fastify, onRefused);
  await registerSecurityHeaders(fastify);
  refuseWhileClosing(fastify);
  if (limits.rateLimits.enabled) await registerRateLimits(fastify, limits.rateLimits, app.get(JwtService));
  capConnections(fastify, limits);
}

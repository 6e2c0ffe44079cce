import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';

const publicPart = (results: Partial<HealthIndicatorResult> | undefined): Record<string, { status: string; lag?: unknown }> =>
  Object.fromEntries(
    Object.entries(results ?? {}).map(([key, r]) => [
      key,
      r && 'lag' in r ? { status: r.status, lag: r.lag as number | null } : { status: r?.status ?? 'down' },
    ]),
  );

/** What anyone may read of a health check: up or down, and lag; never a path, a replica name or an error text. */
export function publicHealth(result: HealthCheckResult) {
  return { status: result.status, info: publicPart(result.info), error: publicPart(result.error), details: publicPart(result.details) };
}

import { Inject, Injectable } from '@nestjs/common';
import { DomainError, invalid } from '#kernel';
import type { FastifyRequest } from 'fastify';
import { ProjectionRunner } from '#projections';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { header } from './command-context.js';

/**
 * Read-your-writes without sleeping: a command answers with the position it wrote; a read
 * given `minPosition` (query) or `X-Min-Position` (header) waits, bounded, for the read models.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Waits until the read models (or another runner's, the directory's) have reached `raw`; nothing to wait for when absent. */
  async waitForPosition(raw: string | undefined, runner: ProjectionRunner = this.runner): Promise<void> {
    if (raw === undefined || raw === '') return;
    if (!/^\d{1,15}$/.test(raw)) {
      throw invalid('VALIDATION_FAILED', 'minPosition', 'position', {
        detail: 'minPosition doit être une position du journal (entier positif ou nul).',
      });
    }
    const reached = await runner.waitFor(BigInt(raw), this.config.maxReadWaitMs);
    if (!reached) {
      const detail = `Les vues n’ont pas atteint la position ${raw} en ${this.config.maxReadWaitMs} ms ; réessayez.`;
      throw new DomainError('unavailable', 'READ_MODEL_BEHIND', detail, { minPosition: raw, projections: runner.status() });
    }
  }
}

/** `minPosition` from the query, or the `X-Min-Position` header. */
export function minPositionOf(request: FastifyRequest, query: { minPosition?: string }): string | undefined {
  return query.minPosition ?? header(request, 'x-min-position');
}

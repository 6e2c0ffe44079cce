import { Inject, Injectable } from '@nestjs/common';
import { type PrincipalResolver, type TokenClaims } from '#auth';
import { actorFromDirectory } from '#directory';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type Actor, DomainError } from '#kernel';
import type { DirectoryQueries, ProjectionRunner } from '#projections';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { DIRECTORY_QUERIES, DIRECTORY_RUNNER } from './directory.tokens.js';

/**
 * The directory as every authorisation sees it: the person's habilitations and memberships as of the log's head when the
 * request arrives (the directory's read model is waited for, so a member removed a moment ago acts no more).
 */
@Injectable()
export class DirectoryResolver implements PrincipalResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DIRECTORY_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DIRECTORY_QUERIES) private readonly queries: DirectoryQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async actorOf(claims: TokenClaims): Promise<Actor> {
    await this.caughtUp();
    return actorFromDirectory(claims, this.queries.factsOf(claims.sub));
  }

  private async caughtUp(): Promise<void> {
    const failed = this.runner.status().find((s) => s.state === 'failed');
    if (failed) {
      throw new DomainError(
        'unavailable',
        'DIRECTORY_FAILED',
        'L’annuaire des habilitations est en échec : aucune autorisation ne peut être vérifiée.',
        {
          error: failed.error,
        },
      );
    }
    const head = await this.store.headPosition();
    if (this.runner.position() >= head) return;
    if (await this.runner.waitFor(head, this.config.maxReadWaitMs)) return;
    throw new DomainError(
      'unavailable',
      'DIRECTORY_BEHIND',
      `L’annuaire des habilitations n’a pas rattrapé le journal en ${this.config.maxReadWaitMs} ms ; réessayez.`,
      { headPosition: String(head), directoryPosition: String(this.runner.position()) },
    );
  }
}

import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actCommitments, projectMoneyEvents } from '#audit';
import { awardActStreamOf } from '#awards';
import { EVENT_STORE, type EventStore } from '#event-store';
import { envelopeStreamId } from '#funding';
import { FundingProcessRunner } from '#processes';
import type { AppConfig } from '../../../config/app.config.js';
import { APP_CONFIG } from '../../../infrastructure/tokens.js';
import { GetProjectMoney, type ProjectMoney } from './get-project-money.query.js';

/**
 * The envelopes are found as GET /projects/:id/funding finds them: each act names its envelope and its commitment (the act's
 * id); a commitment made before award acts is known from the funding process's record, which is waited for (bounded) up to
 * the log's head, so that a commitment just written is not missed. Only those envelopes' streams are read.
 */
@QueryHandler(GetProjectMoney)
export class GetProjectMoneyHandler implements IQueryHandler<GetProjectMoney> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FundingProcessRunner) private readonly runner: FundingProcessRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ projectId }: GetProjectMoney): Promise<ProjectMoney> {
    const actHistory = await this.store.readStream(awardActStreamOf(projectId));
    // A process behind or failed: the acts' commitments are still found; a commitment older than acts may then be missing.
    await this.runner.caughtUp(this.config.maxReadWaitMs).catch(() => undefined);
    const legacy = this.runner.record(projectId);
    const located = [...actCommitments(actHistory), ...(legacy ? [legacy] : [])];
    const envelopeIds = [...new Set(located.map((l) => l.envelopeId))];
    const histories = await Promise.all(envelopeIds.map((id) => this.store.readStream(envelopeStreamId(id))));
    const envelopeLabels = new Map<string, string>();
    histories.forEach((h, i) => {
      const label = h[0]?.type === 'envelope.opened' ? (h[0].data as { label?: unknown }).label : undefined;
      if (typeof label === 'string' && label.trim()) envelopeLabels.set(envelopeIds[i]!, label.trim());
    });
    const refs = located.map((l) => l.commitmentRef);
    return { events: projectMoneyEvents(projectId, refs, actHistory, histories), envelopeLabels };
  }
}

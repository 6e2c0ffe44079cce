import { commitmentOfAct } from '#funding/application';
import { Inject, Injectable } from '@nestjs/common';
import { awardActDecider, awardActStreamOf, settlementGaps } from '#awards';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { netCommitted, netPaid, outstandingRecoveries } from '#funding';
import { DomainError } from '#kernel';

/** `close` is allowed once the project is settled: its grant's money all paid or recovered, the report reviewed. */
@Injectable()
export class ProjectSettlement {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async assertSettled(projectId: string): Promise<void> {
    const act = foldRecorded(awardActDecider, await this.store.readStream(awardActStreamOf(projectId))).act;
    // A project funded before award acts follows the rule of its workflow version only.
    if (!act || act.status === 'cancelled') return;
    const c = await commitmentOfAct(this.store, act);
    const figures = c && {
      netCommittedCents: netCommitted(c),
      netPaidCents: netPaid(c),
      recoveryOutstandingCents: outstandingRecoveries(c),
    };
    const gaps = settlementGaps(act, figures);
    if (gaps.length === 0) return;
    throw new DomainError(
      'conflict',
      'PROJECT_NOT_SETTLED',
      `Le projet ${projectId} n’est pas soldé : ${gaps.map((g) => g.detail).join(' ; ')}.`,
      { projectId, gaps: gaps.map(({ rule, amountCents }) => ({ rule, ...(amountCents === undefined ? {} : { amountCents }) })) },
    );
  }
}

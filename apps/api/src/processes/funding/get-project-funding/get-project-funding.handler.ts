import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { type Paid, type Recovered, envelopeDecider, envelopeStreamId, formatEuros, netCommitted, netPaid } from '#funding';
import { projectEvolution, readableProject, streamIdOf } from '#projects';
import { DEFAULT_SCHEDULE, type FundingRecord, FundingProcessRunner, advanceCents } from '#processes';
import { commitmentAmountsView } from '../../../envelopes/envelope-response.js';
import { GetProjectFunding } from './get-project-funding.query.js';

const STATUS_LABELS: Record<FundingRecord['status'], string> = {
  pending: 'financement en attente',
  committed: 'engagé',
  financing: 'en financement',
  closed: 'soldé',
  withdrawn: 'abandonné',
};

@QueryHandler(GetProjectFunding)
export class GetProjectFundingHandler implements IQueryHandler<GetProjectFunding> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FundingProcessRunner) private readonly runner: FundingProcessRunner,
  ) {}

  async execute({ projectId: id, principal: actor }: GetProjectFunding) {
    const project = readableProject(actor, id, foldRecorded(projectEvolution, await this.store.readStream(streamIdOf(id))));
    const process = this.runner.status();
    const record = this.runner.record(id);
    const base = {
      projectId: id,
      projectStatus: project.status,
      grantedCents: project.grantedAmountCents ?? null,
      process: { state: process.state, position: process.position },
    };
    if (!record) {
      const status = project.status === 'validated' ? 'awaiting_process' : 'not_funded';
      return {
        ...base,
        funding: { status, label: status === 'awaiting_process' ? 'validé, en attente du processus de financement' : 'pas de financement' },
        commitment: null,
        instalments: [],
        payments: [],
        recoveries: [],
      };
    }
    const history = await this.store.readStream(envelopeStreamId(record.envelopeId));
    const envelope = foldRecorded(envelopeDecider, history);
    const c = envelope.status === 'none' ? undefined : envelope.commitments.get(record.commitmentRef);
    const mine = history.filter((e) => (e.data as { commitmentRef?: string }).commitmentRef === record.commitmentRef);
    const payments = mine
      .filter((e) => e.type === 'envelope.paid')
      .map((e) => {
        const d = e.data as Paid['data'];
        return {
          instalment: d.instalment,
          amountCents: d.amountCents,
          display: formatEuros(d.amountCents),
          year: d.year,
          at: e.metadata['occurredAt'] ?? e.recordedAt.toISOString(),
          position: e.position.toString(),
        };
      });
    const recoveries = mine
      .filter((e) => e.type === 'envelope.recovered')
      .map((e) => {
        const d = e.data as Recovered['data'];
        return {
          amountCents: d.amountCents,
          display: formatEuros(d.amountCents),
          reason: d.reason,
          at: e.metadata['occurredAt'] ?? e.recordedAt.toISOString(),
          position: e.position.toString(),
        };
      });
    const advance = advanceCents(record.grantedCents, DEFAULT_SCHEDULE);
    const paidOf = (n: (i: number) => boolean) => payments.filter((p) => n(p.instalment)).reduce((t, p) => t + p.amountCents, 0);
    const instalments = [
      {
        number: 1,
        label: `avance de ${DEFAULT_SCHEDULE.advancePercent} % au démarrage`,
        plannedCents: advance,
        paidCents: paidOf((i) => i === 1),
      },
      {
        number: 2,
        label: 'solde après le bilan final (dépenses justifiées, dans la limite du montant accordé)',
        plannedCents: record.grantedCents - advance,
        paidCents: paidOf((i) => i > 1),
      },
    ].map((i) => ({
      ...i,
      status: i.paidCents > 0 ? 'paid' : record.status === 'closed' || record.status === 'withdrawn' ? 'not_due' : 'due',
    }));
    return {
      ...base,
      funding: {
        status: record.status,
        label: STATUS_LABELS[record.status],
        envelopeId: record.envelopeId,
        year: record.year,
        splitKey: record.splitKey,
        pending: record.pending && {
          reason: record.pending.message,
          code: record.pending.code,
          details: record.pending.details,
          step: record.pending.step.kind,
          since: record.pending.position,
        },
      },
      commitment: c
        ? {
            commitmentRef: c.ref,
            envelopeId: record.envelopeId,
            ...commitmentAmountsView(c),
            remainingToPayCents: netCommitted(c) - netPaid(c),
          }
        : null,
      instalments,
      payments,
      recoveries,
    };
  }
}

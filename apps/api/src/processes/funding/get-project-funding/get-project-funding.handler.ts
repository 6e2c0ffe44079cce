import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { awardActDecider, awardActStreamOf, canReadAwardAct } from '#awards';
import { EVENT_STORE, type EventStore, type RecordedEvent, foldRecorded } from '#event-store';
import {
  RECOVERY_TITLE_LABELS,
  type RecoveryTitleKind,
  envelopeDecider,
  envelopeStreamId,
  formatEuros,
  outstandingRecoveries,
  remainingToPayOf,
  toDecimalString,
} from '#funding';
import { projectEvolution, readableProject, streamIdOf } from '#projects';
import { FundingProcessRunner } from '#processes';
import { awardActView } from '../../../award-acts/award-act.view.js';
import { commitmentAmountsView } from '../../../envelopes/envelope-response.js';
import { GetProjectFunding } from './get-project-funding.query.js';

/** How the funding view names each money event of a commitment (the French the finance officer reads). */
const OPERATIONS: Record<string, string> = {
  'envelope.committed': 'engagement juridique',
  'envelope.commitment_released': 'désengagement',
  'envelope.service_done': 'service fait',
  'envelope.payment_ordered': 'ordre de payer',
  'envelope.paid': 'paiement',
  'envelope.recovered': 'reversement',
  'envelope.recovery_ordered': 'titre de recette',
  'envelope.recovery_collected': 'recouvrement',
  'envelope.commitment_adjusted': 'avenant',
};

interface MovementData {
  amountCents?: number;
  /** An amendment: + consumes AE, − releases it. */
  deltaCents?: number;
  year: number;
  reason?: string | null;
  reference?: string | null;
  orderRef?: string;
  titleRef?: string;
  titleKind?: string;
  restoredCents?: number;
  receiptCents?: number;
}

/** Every money event of the commitment, with who recorded it and when (the history names people by directory id). */
function movements(history: readonly RecordedEvent[], commitmentRef: string) {
  return history
    .filter((e) => OPERATIONS[e.type] && (e.data as { commitmentRef?: string }).commitmentRef === commitmentRef)
    .map((e) => {
      const d = e.data as MovementData;
      return {
        type: e.type,
        operation: d.titleKind ? RECOVERY_TITLE_LABELS[d.titleKind as RecoveryTitleKind] : OPERATIONS[e.type]!,
        amount: toDecimalString(d.amountCents ?? Math.abs(d.deltaCents!)),
        amountCents: d.amountCents ?? Math.abs(d.deltaCents!),
        ...(d.deltaCents === undefined ? {} : { aeDeltaCents: -d.deltaCents }),
        year: d.year,
        reason: d.reason ?? d.reference ?? null,
        ...(d.orderRef ? { orderRef: d.orderRef } : {}),
        ...(d.titleRef ? { titleRef: d.titleRef } : {}),
        ...(d.receiptCents === undefined
          ? {}
          : { restoredCents: d.restoredCents, receiptCents: d.receiptCents, creditRestored: d.receiptCents === 0 }),
        by: { id: e.metadata['actorId'] ?? null, role: e.metadata['role'] ?? null },
        at: e.metadata['occurredAt'] ?? e.recordedAt.toISOString(),
        position: e.position.toString(),
      };
    });
}

/** GET /projects/:id/funding: the act, its commitment, and every movement on it, whoever recorded them. */
@QueryHandler(GetProjectFunding)
export class GetProjectFundingHandler implements IQueryHandler<GetProjectFunding> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FundingProcessRunner) private readonly runner: FundingProcessRunner,
  ) {}

  async execute({ projectId: id, principal: actor }: GetProjectFunding) {
    const project = readableProject(actor, id, foldRecorded(projectEvolution, await this.store.readStream(streamIdOf(id))));
    const actHistory = await this.store.readStream(awardActStreamOf(id));
    const act = foldRecorded(awardActDecider, actHistory).act;
    const process = this.runner.status();
    const base = {
      projectId: id,
      projectStatus: project.status,
      granted: project.grantedAmountCents === undefined ? null : toDecimalString(project.grantedAmountCents),
      grantedCents: project.grantedAmountCents ?? null,
      process: { state: process.state, position: process.position },
    };
    if (!act || act.status === 'cancelled') {
      // A commitment made before award acts (by the funding process of the time): the process's record says where it is.
      const legacy = this.runner.record(id);
      if (legacy) return { ...base, awardAct: null, ...(await this.commitmentOf(legacy.envelopeId, legacy.commitmentRef)) };
      const label = project.status === 'validated' ? 'décision signée : acte attributif à préparer' : 'pas d’acte attributif';
      return { ...base, funding: { status: 'no_award_act', label }, awardAct: null, commitment: null, movements: [] };
    }
    const money = await this.commitmentOf(act.envelopeId, act.actId);
    return {
      ...base,
      ...money,
      ...(money.commitment
        ? {}
        : {
            funding: {
              status: act.status === 'signed' ? 'awaiting_commitment' : 'awaiting_signature',
              label: 'acte attributif non encore engagé',
            },
          }),
      awardAct: canReadAwardAct(actor, act) ? awardActView(act, actHistory.at(-1)?.revision ?? null) : null,
    };
  }

  private async commitmentOf(envelopeId: string, commitmentRef: string) {
    const history = await this.store.readStream(envelopeStreamId(envelopeId));
    const envelope = foldRecorded(envelopeDecider, history);
    const c = envelope.status === 'none' ? undefined : envelope.commitments.get(commitmentRef);
    const remaining = c ? remainingToPayOf(c) : 0;
    return {
      funding: c
        ? { status: 'committed', label: `engagé (EJ ${c.ejNumber ?? c.ref}), reste à payer ${formatEuros(remaining)}` }
        : { status: 'not_committed', label: 'pas encore engagé' },
      commitment: c
        ? {
            commitmentRef: c.ref,
            ejNumber: c.ejNumber,
            envelopeId,
            ...commitmentAmountsView(c),
            remainingToPay: toDecimalString(remaining),
            remainingToPayCents: remaining,
            recoveryOutstanding: toDecimalString(outstandingRecoveries(c)),
            recoveryOutstandingCents: outstandingRecoveries(c),
            recoveryTitles: Object.entries(c.titles).map(([titleRef, t]) => ({
              titleRef,
              kind: t.kind,
              amountCents: t.amountCents,
              collectedCents: t.collectedCents,
              outstandingCents: t.amountCents - t.collectedCents,
              reason: t.reason,
            })),
          }
        : null,
      movements: c ? movements(history, c.ref) : [],
    };
  }
}

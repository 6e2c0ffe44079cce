import { type AwardAct, reviewConsequence } from '#awards';
import { toDecimalString } from '#funding';

const FORM_LABELS = { arrete: 'arrêté attributif', convention: 'convention' } as const;
const STATUS_LABELS = {
  draft: 'projet d’acte, à signer',
  awaiting_countersignature: 'signé par l’autorité, en attente de la signature du bénéficiaire',
  signed: 'signé',
  cancelled: 'annulé',
} as const;
const INSTALMENT_LABELS = { advance: 'avance', instalment: 'acompte', balance: 'solde' } as const;

const AMENDMENT_LABELS = {
  increase: 'avenant d’augmentation',
  reduction: 'avenant de réduction',
  extension: 'avenant de prolongation',
  payee_change: 'avenant de changement de bénéficiaire',
} as const;

const OUTCOME_LABELS = { accepted: 'accepté', partly_accepted: 'accepté en partie', refused: 'refusé' } as const;

function reviewView(r: NonNullable<AwardAct['review']>) {
  return {
    ...r,
    outcomeLabel: `compte rendu financier ${OUTCOME_LABELS[r.outcome]} : ${reviewConsequence(r)}`,
    eligibleSpending: toDecimalString(r.eligibleSpendingCents),
    due: toDecimalString(r.dueCents),
    balance: toDecimalString(r.balanceCents),
    toRecover: toDecimalString(r.toRecoverCents),
  };
}

/** An act as the API shows it: amounts as euro strings (and in cents where the field says so), French labels. */
export function awardActView(act: AwardAct, revision: bigint | null) {
  return {
    actId: act.actId,
    projectId: act.projectId,
    reference: act.reference,
    form: act.form,
    formLabel: FORM_LABELS[act.form],
    status: act.status,
    statusLabel: STATUS_LABELS[act.status],
    beneficiaryId: act.beneficiaryId,
    payee: act.payee,
    amount: toDecimalString(act.amountCents),
    amountCents: act.amountCents,
    decidedAmount: toDecimalString(act.decidedAmountCents),
    envelopeId: act.envelopeId,
    exercises: act.exercises,
    schedule: act.schedule.map((s) => ({
      ...s,
      label: `${INSTALMENT_LABELS[s.kind]} (${s.condition})`,
      amount: toDecimalString(s.amountCents),
    })),
    reportDueOn: act.reportDueOn,
    draftedBy: act.draftedBy,
    draftedAt: act.at,
    signature: act.signature,
    countersignature: act.countersignature,
    signedAt: act.signedAt,
    cancellation: act.cancellation,
    review: act.review && reviewView(act.review),
    reviewOpened: act.reviewOpened,
    amendments: act.amendments.map((a) => ({
      number: a.number,
      kind: a.kind,
      kindLabel: AMENDMENT_LABELS[a.kind],
      amount: toDecimalString(a.amountCents),
      amountCents: a.amountCents,
      deltaCents: a.deltaCents,
      exercises: a.exercises,
      reportDueOn: a.reportDueOn,
      payee: a.payee,
      reason: a.reason,
      signature: a.signature,
      countersignature: a.countersignature,
      inEffect: a.inEffect,
      at: a.at,
    })),
    revision: revision === null ? null : revision.toString(),
  };
}
export type AwardActView = ReturnType<typeof awardActView>;

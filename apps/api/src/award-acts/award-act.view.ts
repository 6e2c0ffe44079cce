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
    revision: revision === null ? null : revision.toString(),
  };
}
export type AwardActView = ReturnType<typeof awardActView>;

import type { DomainEvent } from '#kernel';

/**
 * The two forms of an award act (décret 2001-495): an arrêté attributif, signed by the authority alone, or a convention,
 * signed by both parties, when the grant's annual amount exceeds the threshold and the payee is a private-law body.
 */
export type AwardActForm = 'arrete' | 'convention';
export const AWARD_ACT_FORMS: readonly AwardActForm[] = ['arrete', 'convention'];

export type InstalmentKind = 'advance' | 'instalment' | 'balance';
export const INSTALMENT_KINDS: readonly InstalmentKind[] = ['advance', 'instalment', 'balance'];

/** One payment of the schedule: what it is, how much, and the condition whose service fait makes it payable. */
export interface ScheduledInstalment {
  /** 1-based, in payment order. */
  number: number;
  kind: InstalmentKind;
  amountCents: number;
  condition: string;
}

/** Public-law bodies (a commune, an EPLE, a public hospital) or private-law ones (an association, an MSP's SISA…). */
export type LegalStatus = 'public' | 'private';

/** Who receives the money, as the directory names it when the act is drafted. */
export interface AwardActPayee {
  organisationId: string;
  name: string;
  siret: string | null;
  legalStatus: LegalStatus;
}

/** The exercises the grant covers (an action on two school years covers two exercises). */
export interface Exercises {
  first: number;
  last: number;
}

export interface AwardActSignature {
  signatory: string;
  capacity: string;
  delegationId?: string;
  actReference?: string;
}

export type AwardActDrafted = DomainEvent<
  'award_act.drafted',
  {
    actId: string;
    projectId: string;
    /** The number the service gives the act (arrêté n°…, convention n°…). */
    reference: string;
    form: AwardActForm;
    /** The holder organisation the grant is made to (the beneficiary), and who is paid. */
    beneficiaryId: string;
    payee: AwardActPayee;
    amountCents: number;
    /** The amount the signed decision granted: the act never exceeds it. */
    decidedAmountCents: number;
    envelopeId: string;
    exercises: Exercises;
    schedule: ScheduledInstalment[];
    /** ISO day: the compte rendu financier is due by then (at the latest 6 months after the last exercise). */
    reportDueOn: string;
    draftedBy: { id: string; role: string };
    at: string;
  }
>;
/** The authority's signature (in its own right or under a delegation covering `award_act.sign`). */
export type AwardActSigned = DomainEvent<'award_act.signed', { actId: string; signature: AwardActSignature; at: string }>;
/** A convention's second signature: a person acting for the beneficiary organisation. */
export type AwardActCountersigned = DomainEvent<
  'award_act.countersigned',
  { actId: string; personId: string; organisationId: string; at: string }
>;
/** A draft (or a convention awaiting the beneficiary) withdrawn before anything was committed. */
export type AwardActCancelled = DomainEvent<
  'award_act.cancelled',
  { actId: string; reason: string; by: { id: string; role: string }; at: string }
>;

/** How finance found the compte rendu financier (loi 2000-321, art. 10). */
export type ReportOutcome = 'accepted' | 'partly_accepted' | 'refused';
export const REPORT_OUTCOMES: readonly ReportOutcome[] = ['accepted', 'partly_accepted', 'refused'];

/** The review of the report: what is eligible, what is due on the grant, hence the balance to pay or the sum to recover. */
export type AwardActReportReviewed = DomainEvent<
  'award_act.report_reviewed',
  {
    actId: string;
    outcome: ReportOutcome;
    declaredSpendingCents: number | null;
    eligibleSpendingCents: number;
    budgetCents: number;
    dueCents: number;
    paidCents: number;
    balanceCents: number;
    toRecoverCents: number;
    reason: string;
    by: { id: string; role: string };
    at: string;
  }
>;

/**
 * The holder withdrew after money was paid: what was legitimately spent is not claimed back by itself; the review of the
 * spending is opened (finance then fixes what is due: partly accepted with the eligible spending, or refused).
 */
export type AwardActReviewOpened = DomainEvent<
  'award_act.review_opened',
  { actId: string; cause: 'withdrawal'; paidCents: number; at: string }
>;

export type AmendmentKind = 'increase' | 'reduction' | 'extension' | 'payee_change';
export const AMENDMENT_KINDS: readonly AmendmentKind[] = ['increase', 'reduction', 'extension', 'payee_change'];

/**
 * An amendment (avenant) signed by the authority, with its reason: the act's terms after it (amount, exercises, report
 * due date, payee, schedule). A convention's amendment takes effect once the beneficiary countersigned it too.
 */
export type AwardActAmended = DomainEvent<
  'award_act.amended',
  {
    actId: string;
    number: number;
    kind: AmendmentKind;
    amountCents: number;
    deltaCents: number;
    exercises: Exercises;
    reportDueOn: string;
    payee: AwardActPayee;
    schedule: ScheduledInstalment[];
    reason: string;
    signature: AwardActSignature;
    countersignRequired: boolean;
    at: string;
  }
>;
/** The beneficiary's signature of a convention's amendment. */
export type AwardActAmendmentCountersigned = DomainEvent<
  'award_act.amendment_countersigned',
  { actId: string; number: number; personId: string; organisationId: string; at: string }
>;

export type AwardActEvent =
  | AwardActDrafted
  | AwardActSigned
  | AwardActCountersigned
  | AwardActCancelled
  | AwardActReportReviewed
  | AwardActReviewOpened
  | AwardActAmended
  | AwardActAmendmentCountersigned;

export const AWARD_ACT_EVENT_TYPES: readonly AwardActEvent['type'][] = [
  'award_act.drafted',
  'award_act.signed',
  'award_act.countersigned',
  'award_act.cancelled',
  'award_act.report_reviewed',
  'award_act.review_opened',
  'award_act.amended',
  'award_act.amendment_countersigned',
];

/** One act per project at a time: its stream is the project's (a cancelled draft may be drafted again). */
export const AWARD_ACT_STREAM_PREFIX = 'award-act-';
export const awardActStreamOf = (projectId: string) => `${AWARD_ACT_STREAM_PREFIX}${projectId}`;
/** The act's id, which is also the reference of its commitment (EJ) on the envelope: one EJ per act. */
export const awardActIdOf = (projectId: string, draft: number) => `AA-${projectId}-${draft}`;

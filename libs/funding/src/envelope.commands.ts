import type { CommandContext } from '#kernel';
import type { Cents } from './money.js';
import type { Fund, Period } from './envelope.id.js';
import type { CarryOverPolicy, SplitPolicy } from './envelope.events.js';

/**
 * Every command carries the caller's request id (the Idempotency-Key): the application answers a request id the
 * envelope has already accepted with its first outcome, from the store, without deciding it again. Amounts are integer
 * cents (use parseAmount at the edge). The envelope the command targets is its stream ('envelope-<envelopeId>'), except
 * for OpenEnvelope which names it.
 */
interface EnvelopeCommandBase {
  requestId: string;
  ctx: CommandContext;
}

export interface OpenEnvelope extends EnvelopeCommandBase {
  type: 'OpenEnvelope';
  fund: Fund;
  territoryCode: string;
  period: Period;
  label?: string;
  /** The envelope this one receives allocations from (national → académie, ARS → ...). */
  parentId?: string | null;
  /** A programme ceiling on notified AE and on notified CP over the whole period (e.g. FIP €500M 2023–2027). */
  ceilingCents?: Cents | null;
  /** Default: AE all carried, CP none. */
  carryOver?: CarryOverPolicy;
  split?: SplitPolicy | null;
}

/** Notify (first notification of a year) or increase the credits of the current year. */
export interface NotifyCredits extends EnvelopeCommandBase {
  type: 'NotifyCredits';
  aeCents: Cents;
  cpCents: Cents;
  kind?: 'notification' | 'increase';
  reason?: string;
}

export interface ReduceCredits extends EnvelopeCommandBase {
  type: 'ReduceCredits';
  aeCents: Cents;
  cpCents: Cents;
  reason: string;
}

export interface SetSplit extends EnvelopeCommandBase {
  type: 'SetSplit';
  split: SplitPolicy | null;
  reason?: string;
}

/** Step 1 of a sub-allocation, on the parent (see application/allocate-to-child.ts). */
export interface AllocateToChild extends EnvelopeCommandBase {
  type: 'AllocateToChild';
  childId: string;
  aeCents: Cents;
  cpCents: Cents;
  reason?: string;
}

/** Step 2, on the child; requestId is derived from parentEventId by the application. */
export interface ReceiveAllocation extends EnvelopeCommandBase {
  type: 'ReceiveAllocation';
  parentId: string;
  parentEventId: string;
  aeCents: Cents;
  cpCents: Cents;
}

/** Step 1 of a transfer between siblings, on the source (see application/transfer.ts). */
export interface TransferToSibling extends EnvelopeCommandBase {
  type: 'TransferToSibling';
  toId: string;
  aeCents: Cents;
  cpCents: Cents;
  reason: string;
}

/** Step 2, on the target; `parentId` is the source's parent, which must be the target's too. */
export interface ReceiveTransfer extends EnvelopeCommandBase {
  type: 'ReceiveTransfer';
  fromId: string;
  parentId: string | null;
  sourceEventId: string;
  aeCents: Cents;
  cpCents: Cents;
  reason: string;
}

/** Who the award act pays, as the act names it. */
export interface CommittedPayee {
  organisationId: string;
  name: string;
  siret: string | null;
}

/** What the signed award act says, as the application read it from the act's stream. */
export interface CommittedAct {
  actId: string;
  projectId: string;
  envelopeId: string;
  amountCents: Cents;
  /** Every signature its form needs (the authority's; a convention's beneficiary's too). */
  fullySigned: boolean;
  payee: CommittedPayee;
  /** The payment schedule: what each instalment may be certified for. Absent: not broken down (v1 of the act). */
  schedule?: ScheduledPayment[];
}

/** One payment of the act's schedule, as the commitment keeps it. */
export interface ScheduledPayment {
  number: number;
  kind: string;
  amountCents: Cents;
}

/**
 * Engagement juridique (EJ) for a signed award act: its reference is the act's id (one EJ per act), its number the one
 * the accounting system gave (Chorus for the State), entered by finance; the demo marks its own as fictitious.
 */
export interface Commit extends EnvelopeCommandBase {
  type: 'Commit';
  commitmentRef: string;
  projectId: string;
  amountCents: Cents;
  act: CommittedAct;
  ejNumber: string;
  ejNumberFictitious?: boolean;
  splitKey?: string | null;
  reason?: string;
}

export type AmendmentKind = 'increase' | 'reduction' | 'extension' | 'payee_change';

/** A signed amendment (avenant) of the award act, as the application read it from the act's stream. */
export interface CommitmentAmendment {
  actId: string;
  number: number;
  kind: AmendmentKind;
  /** The act's amount after the amendment. */
  amountCents: Cents;
  /** Every signature its act's form needs (a convention's beneficiary's too). */
  fullySigned: boolean;
  payee: CommittedPayee;
  schedule: ScheduledPayment[];
}

/**
 * Adjusts the EJ to a signed amendment of its act: an increase consumes AE of the current exercise, a reduction releases
 * AE (never below what is certified), an extension or a change of payee moves no credit. Once per amendment.
 */
export interface AdjustCommitment extends EnvelopeCommandBase {
  type: 'AdjustCommitment';
  commitmentRef: string;
  amendment: CommitmentAmendment;
  reason?: string;
}

/** Releases the unused (not certified) part of a commitment; all of it when amountCents is absent. */
export interface ReleaseCommitment extends EnvelopeCommandBase {
  type: 'ReleaseCommitment';
  commitmentRef: string;
  amountCents?: Cents;
  reason: string;
}

/**
 * Service fait: a finance officer certifies, on its evidence (`reference`: the start of the action, an accepted report),
 * that the condition of an instalment of the schedule is met. Never the beneficiary, never the system.
 */
export interface RecordServiceDone extends EnvelopeCommandBase {
  type: 'RecordServiceDone';
  commitmentRef: string;
  amountCents: Cents;
  /** The instalment of the schedule (required when the commitment has one; 0: not broken down). */
  instalment?: number;
  reference?: string;
}

/** Liquidation and ordonnancement: the ordonnateur fixes the amount due on a certified instalment and orders its payment. */
export interface OrderPayment extends EnvelopeCommandBase {
  type: 'OrderPayment';
  commitmentRef: string;
  amountCents: Cents;
  instalment?: number;
  /** The payment order's number in the accounting system (a demande de paiement). */
  orderRef: string;
}

/** The public accountant pays an order: consumes CP of the current exercise. Never who certified, never who ordered. */
export interface PayInstalment extends EnvelopeCommandBase {
  type: 'PayInstalment';
  commitmentRef: string;
  orderRef: string;
}

/**
 * A recovery order (the State's titre de perception for the FIP, an ARS's titre de recettes for the FIR): finance claims
 * back money paid, with its reason; `titleRef` is the title's number in the accounting system.
 */
export interface OrderRecovery extends EnvelopeCommandBase {
  type: 'OrderRecovery';
  commitmentRef: string;
  titleRef: string;
  amountCents: Cents;
  reason: string;
}

/** The accountant collects (part of) a recovery order: CP restored for a payment of the same exercise, else a receipt. */
export interface CollectRecovery extends EnvelopeCommandBase {
  type: 'CollectRecovery';
  commitmentRef: string;
  titleRef: string;
  amountCents: Cents;
}

/**
 * Closes `year`, which must be the current one, carrying unused credits by the envelope's rule. Payment orders still
 * unpaid go on into the next exercise (paid from its CP), but only when the close says why (`unpaidOrdersReason`).
 * `cpCarriedCents`: the carry-over decision for CP, within the rule's cap (absent: the cap).
 */
export interface CloseYear extends EnvelopeCommandBase {
  type: 'CloseYear';
  year: number;
  unpaidOrdersReason?: string;
  cpCarriedCents?: Cents;
}

export type EnvelopeCommand =
  | OpenEnvelope
  | NotifyCredits
  | ReduceCredits
  | SetSplit
  | AllocateToChild
  | ReceiveAllocation
  | TransferToSibling
  | ReceiveTransfer
  | Commit
  | ReleaseCommitment
  | AdjustCommitment
  | RecordServiceDone
  | OrderPayment
  | PayInstalment
  | OrderRecovery
  | CollectRecovery
  | CloseYear;

export type EnvelopeCommandType = EnvelopeCommand['type'];

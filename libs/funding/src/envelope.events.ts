import type { DomainEvent } from '#kernel';
import type { Cents } from './money.js';
import type { Fund, Period } from './envelope.id.js';

/**
 * How unused credits of a closed year move to the next one (LOLF art. 15 allows carry-over within limits):
 * 'none': everything lapses; 'all': everything is carried; 'percent': at most `percent`% (integer 0..100,
 * rounded down to the cent) of the credits the year received (notified + allocated by the parent) is carried,
 * the rest lapses. Closing the last year of the period lapses everything.
 */
export type CarryOverRule = { mode: 'none' } | { mode: 'all' } | { mode: 'percent'; percent: number };

export interface CarryOverPolicy {
  ae: CarryOverRule;
  cp: CarryOverRule;
}

/**
 * An indicative split of the envelope's AE over keys (e.g. the 6 CTS of an ARS): commitments name a key.
 * 'soft': exceeding a share records envelope.split_exceeded and the commitment stands; 'hard': it is refused.
 */
export interface SplitPolicy {
  mode: 'soft' | 'hard';
  shares: Record<string, Cents>;
}

/** Every event of an accepted command carries its request id and the command's fingerprint (idempotency). */
interface Requested {
  requestId: string;
  fingerprint: string;
}

/** `year` on the events below is the exercise the operation is booked in (the envelope's current year). */
export type EnvelopeOpened = DomainEvent<
  'envelope.opened',
  Requested & {
    envelopeId: string;
    fund: Fund;
    territoryCode: string;
    period: Period;
    label: string;
    parentId: string | null;
    ceilingCents: Cents | null;
    carryOver: CarryOverPolicy;
    split: SplitPolicy | null;
  }
>;
export type CreditsNotified = DomainEvent<
  'envelope.credits_notified',
  Requested & {
    year: number;
    kind: 'notification' | 'increase';
    aeCents: Cents;
    cpCents: Cents;
    reason: string | null;
  }
>;
export type CreditsReduced = DomainEvent<
  'envelope.credits_reduced',
  Requested & {
    year: number;
    aeCents: Cents;
    cpCents: Cents;
    reason: string;
  }
>;
export type SplitSet = DomainEvent<'envelope.split_set', Requested & { split: SplitPolicy | null; reason: string | null }>;
export type AllocatedToChild = DomainEvent<
  'envelope.allocated_to_child',
  Requested & {
    year: number;
    childId: string;
    aeCents: Cents;
    cpCents: Cents;
    reason: string | null;
  }
>;
/** Written on the child; `parentEventId` is the id of the parent's allocated_to_child event. */
export type AllocationReceived = DomainEvent<
  'envelope.allocation_received',
  Requested & {
    year: number;
    parentId: string;
    parentEventId: string;
    aeCents: Cents;
    cpCents: Cents;
  }
>;
/** Written on the source sibling. */
export type Transferred = DomainEvent<
  'envelope.transferred',
  Requested & {
    year: number;
    toId: string;
    aeCents: Cents;
    cpCents: Cents;
    reason: string;
  }
>;
/** Written on the target sibling; `sourceEventId` is the id of the source's transferred event. */
export type TransferReceived = DomainEvent<
  'envelope.transfer_received',
  Requested & {
    year: number;
    fromId: string;
    sourceEventId: string;
    aeCents: Cents;
    cpCents: Cents;
    reason: string;
  }
>;
/**
 * Engagement juridique: consumes AE of the current year in full. Since award acts (issue 15) it names its act, its number in
 * the accounting system and its payee; commitments recorded before carry none of the three.
 */
export type Committed = DomainEvent<
  'envelope.committed',
  Requested & {
    year: number;
    commitmentRef: string;
    projectId: string;
    amountCents: Cents;
    splitKey: string | null;
    reason: string | null;
    awardActId?: string;
    /** The act's amount when the EJ was recorded (it may commit less); amendments move it. */
    actAmountCents?: Cents;
    ejNumber?: string;
    ejNumberFictitious?: true;
    payee?: { organisationId: string; name: string; siret: string | null };
    schedule?: { number: number; kind: string; amountCents: Cents }[];
  }
>;
export type SplitExceeded = DomainEvent<
  'envelope.split_exceeded',
  Requested & {
    splitKey: string;
    commitmentRef: string;
    shareCents: Cents;
    committedCents: Cents;
    excessCents: Cents;
  }
>;
export type CommitmentReleased = DomainEvent<
  'envelope.commitment_released',
  Requested & {
    year: number;
    commitmentRef: string;
    amountCents: Cents;
    reason: string;
  }
>;
/**
 * The EJ adjusted to a signed amendment (avenant) of its act: `deltaCents` > 0 consumes AE of the exercise (an increase),
 * < 0 releases AE (a reduction), 0 for an extension or a change of payee. The schedule is the act's after the amendment.
 */
export type CommitmentAdjusted = DomainEvent<
  'envelope.commitment_adjusted',
  Requested & {
    year: number;
    commitmentRef: string;
    amendmentNumber: number;
    kind: 'increase' | 'reduction' | 'extension' | 'payee_change';
    /** The act's amount after the amendment. */
    actAmountCents: Cents;
    deltaCents: number;
    payee: { organisationId: string; name: string; siret: string | null };
    schedule: { number: number; kind: string; amountCents: Cents }[];
    reason: string | null;
    adjustedBy: string;
  }
>;
/** Service fait: certifies that work worth `amountCents` was done, which makes it payable. */
export type ServiceDone = DomainEvent<
  'envelope.service_done',
  Requested & {
    year: number;
    commitmentRef: string;
    amountCents: Cents;
    reference: string | null;
    /** Since the spending chain (issue 15): the instalment certified and who certified it. */
    instalment?: number;
    certifiedBy?: string;
  }
>;
/** The ordonnateur's payment order on a certified instalment (moves no credit: the payment consumes CP). */
export type PaymentOrdered = DomainEvent<
  'envelope.payment_ordered',
  Requested & {
    year: number;
    commitmentRef: string;
    instalment: number;
    orderRef: string;
    amountCents: Cents;
    orderedBy: string;
  }
>;
/** An instalment paid: consumes CP of the current year. Since the spending chain it pays an order, by the accountant. */
export type Paid = DomainEvent<
  'envelope.paid',
  Requested & {
    year: number;
    commitmentRef: string;
    amountCents: Cents;
    instalment: number;
    orderRef?: string;
    paidBy?: string;
  }
>;
/**
 * Reversement as recorded before recovery orders (issue 15): money paid back, restoring CP of the current year and
 * un-certifying that much service. Still folded for the logs that hold it; no command writes it any more.
 */
export type Recovered = DomainEvent<
  'envelope.recovered',
  Requested & {
    year: number;
    commitmentRef: string;
    amountCents: Cents;
    reason: string;
  }
>;
/** How each fund's accounting names a recovery order. */
export type RecoveryTitleKind = 'titre_de_perception' | 'titre_de_recettes';

/** A recovery order issued by finance: moves no credit until it is collected. */
export type RecoveryOrdered = DomainEvent<
  'envelope.recovery_ordered',
  Requested & {
    year: number;
    commitmentRef: string;
    titleRef: string;
    titleKind: RecoveryTitleKind;
    amountCents: Cents;
    reason: string;
    orderedBy: string;
  }
>;
/**
 * The accountant collected `amountCents` of a recovery order: `restoredCents` of it restores CP of the exercise (it pays
 * back a payment of that exercise: rétablissement de crédits), `receiptCents` is a receipt (an earlier exercise's).
 */
export type RecoveryCollected = DomainEvent<
  'envelope.recovery_collected',
  Requested & {
    year: number;
    commitmentRef: string;
    titleRef: string;
    amountCents: Cents;
    restoredCents: Cents;
    receiptCents: Cents;
    /** The title's reason, repeated for the ledger's rows. */
    reason: string;
    collectedBy: string;
  }
>;
/** A payment order still unpaid when its exercise was closed: it is paid from the next exercise's CP. */
export interface UnpaidOrderAtClose {
  commitmentRef: string;
  orderRef: string;
  amountCents: Cents;
}

/**
 * An exercise closed. Since the year boundary (issue 15) it also records the carry-over rule it applied, the CP carry-over
 * decided (null: the rule's cap), what stays to pay on the commitments (restes à payer, paid from the next exercises' CP)
 * and the payment orders still unpaid, with the reason the close gave for going on.
 */
export type YearClosed = DomainEvent<
  'envelope.year_closed',
  Requested & {
    year: number;
    nextYear: number | null;
    aeCarriedCents: Cents;
    aeLapsedCents: Cents;
    cpCarriedCents: Cents;
    cpLapsedCents: Cents;
    carryOver?: CarryOverPolicy;
    cpCarryOverDecidedCents?: Cents | null;
    remainingToPayCents?: Cents;
    unpaidOrders?: UnpaidOrderAtClose[];
    unpaidOrdersReason?: string | null;
  }
>;

export type EnvelopeEvent =
  | EnvelopeOpened
  | CreditsNotified
  | CreditsReduced
  | SplitSet
  | AllocatedToChild
  | AllocationReceived
  | Transferred
  | TransferReceived
  | Committed
  | SplitExceeded
  | CommitmentReleased
  | CommitmentAdjusted
  | ServiceDone
  | PaymentOrdered
  | Paid
  | Recovered
  | RecoveryOrdered
  | RecoveryCollected
  | YearClosed;

export type EnvelopeEventType = EnvelopeEvent['type'];

export const ENVELOPE_EVENT_TYPES: readonly EnvelopeEventType[] = [
  'envelope.opened',
  'envelope.credits_notified',
  'envelope.credits_reduced',
  'envelope.split_set',
  'envelope.allocated_to_child',
  'envelope.allocation_received',
  'envelope.transferred',
  'envelope.transfer_received',
  'envelope.committed',
  'envelope.split_exceeded',
  'envelope.commitment_released',
  'envelope.commitment_adjusted',
  'envelope.service_done',
  'envelope.payment_ordered',
  'envelope.paid',
  'envelope.recovered',
  'envelope.recovery_ordered',
  'envelope.recovery_collected',
  'envelope.year_closed',
];

const KNOWN_TYPES: ReadonlySet<string> = new Set(ENVELOPE_EVENT_TYPES);

export function isEnvelopeEvent(event: DomainEvent): event is EnvelopeEvent {
  return KNOWN_TYPES.has(event.type);
}

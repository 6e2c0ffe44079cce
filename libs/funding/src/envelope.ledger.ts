import { type Cents, formatEuros } from './money.js';
import type { Committed, EnvelopeEvent } from './envelope.events.js';

/**
 * One row of the funding ledger: a signed change of what the envelope still has free to commit (AE) and to pay (CP)
 * in exercise `year`. For one envelope and one exercise, the sum of `aeDeltaCents` of its movements is the AE still
 * free to commit and the sum of `cpDeltaCents` the CP still free to pay (`available()` of the year's flows: a
 * property test checks it over random command sequences).
 */
export interface LedgerMovement {
  year: number;
  aeDeltaCents: Cents;
  cpDeltaCents: Cents;
  operation: LedgerOperation;
  commitmentRef: string | null;
  /** Only on the commitment itself; the rows after it get theirs from `ledgerCommitmentOf`. */
  projectId: string | null;
  reason: string | null;
}

/** The operation column, in the words of a French finance office. */
export const LEDGER_OPERATIONS = [
  'notification',
  'abondement',
  'réduction',
  'délégation',
  'délégation reçue',
  'transfert',
  'transfert reçu',
  'engagement',
  'désengagement',
  'avenant',
  'paiement',
  'reversement',
  'recette (exercice antérieur)',
  'report sortant',
  'report entrant',
  'crédits non reportés',
  'clôture de l’exercice',
] as const;
export type LedgerOperation = (typeof LEDGER_OPERATIONS)[number];

/** Who receives the money of a commitment (organisation directory id, SIRET when known, name). */
export interface LedgerPayee {
  organisationId: string;
  siret: string | null;
  name: string;
}

/** What the later rows of a commitment (payments, releases, recoveries) repeat of it. */
export interface LedgerCommitment {
  projectId: string;
  awardActId: string | null;
  ejNumber: string | null;
  payee: LedgerPayee | null;
}

/** Fields that later versions of `envelope.committed` carry; an older event lacks them (empty cells). */
type CommittedData = Committed['data'] & { awardActId?: string | null; ejNumber?: string | null; payee?: LedgerPayee | null };

/** The facts of an `envelope.committed` event that its later rows carry; undefined for any other event. */
export function ledgerCommitmentOf(event: EnvelopeEvent): LedgerCommitment | undefined {
  if (event.type !== 'envelope.committed') return undefined;
  const d: CommittedData = event.data;
  return { projectId: d.projectId, awardActId: d.awardActId ?? null, ejNumber: d.ejNumber ?? null, payee: d.payee ?? null };
}

/** −x, never −0 (a spreadsheet cell or a CSV amount would show "-0"). */
const minus = (cents: Cents): Cents => (cents === 0 ? 0 : -cents);

const withCounterpart = (reason: string | null, counterpart: string) => (reason ? `${reason} (${counterpart})` : counterpart);

function movement(
  year: number,
  operation: LedgerOperation,
  ae: Cents,
  cp: Cents,
  extra: Partial<Pick<LedgerMovement, 'commitmentRef' | 'projectId' | 'reason'>> = {},
): LedgerMovement {
  return { year, aeDeltaCents: ae, cpDeltaCents: cp, operation, commitmentRef: null, projectId: null, reason: null, ...extra };
}

/**
 * The ledger rows of one envelope event, signed from the envelope's point of view (credit it gains +, credit it gives
 * up or uses −). Service done, splits and the opening move no money: no row. Closing a year carries credits out of it
 * (−) into the next year (+), and lapses the rest ("crédits non reportés", −); a close that moves nothing is one row
 * of zeros, so that it still shows.
 */
export function ledgerMovementsOf(event: EnvelopeEvent): LedgerMovement[] {
  switch (event.type) {
    case 'envelope.opened':
    case 'envelope.split_set':
    case 'envelope.split_exceeded':
    case 'envelope.service_done':
    case 'envelope.payment_ordered':
    case 'envelope.recovery_ordered':
      return [];
    case 'envelope.credits_notified': {
      const d = event.data;
      return [movement(d.year, d.kind === 'increase' ? 'abondement' : 'notification', d.aeCents, d.cpCents, { reason: d.reason })];
    }
    case 'envelope.credits_reduced': {
      const d = event.data;
      return [movement(d.year, 'réduction', minus(d.aeCents), minus(d.cpCents), { reason: d.reason })];
    }
    case 'envelope.allocated_to_child': {
      const d = event.data;
      return [
        movement(d.year, 'délégation', minus(d.aeCents), minus(d.cpCents), { reason: withCounterpart(d.reason, `vers ${d.childId}`) }),
      ];
    }
    case 'envelope.allocation_received': {
      const d = event.data;
      return [movement(d.year, 'délégation reçue', d.aeCents, d.cpCents, { reason: `de ${d.parentId}` })];
    }
    case 'envelope.transferred': {
      const d = event.data;
      return [movement(d.year, 'transfert', minus(d.aeCents), minus(d.cpCents), { reason: withCounterpart(d.reason, `vers ${d.toId}`) })];
    }
    case 'envelope.transfer_received': {
      const d = event.data;
      return [movement(d.year, 'transfert reçu', d.aeCents, d.cpCents, { reason: withCounterpart(d.reason, `de ${d.fromId}`) })];
    }
    case 'envelope.committed': {
      const d = event.data;
      const extra = { commitmentRef: d.commitmentRef, projectId: d.projectId, reason: d.reason };
      return [movement(d.year, 'engagement', minus(d.amountCents), 0, extra)];
    }
    case 'envelope.commitment_released': {
      const d = event.data;
      return [movement(d.year, 'désengagement', d.amountCents, 0, { commitmentRef: d.commitmentRef, reason: d.reason })];
    }
    case 'envelope.commitment_adjusted': {
      // An increase consumes AE (−), a reduction releases it (+); an extension or a change of payee moves none: no row.
      const d = event.data;
      if (d.deltaCents === 0) return [];
      const reason = `avenant n° ${d.amendmentNumber}${d.reason ? ` : ${d.reason}` : ''}`;
      return [movement(d.year, 'avenant', minus(d.deltaCents), 0, { commitmentRef: d.commitmentRef, reason })];
    }
    case 'envelope.paid': {
      const d = event.data;
      return [movement(d.year, 'paiement', 0, minus(d.amountCents), { commitmentRef: d.commitmentRef, reason: null })];
    }
    case 'envelope.recovered': {
      // A reversement of the current exercise: its CP is restored (rétablissement de crédits).
      const d = event.data;
      return [movement(d.year, 'reversement', 0, d.amountCents, { commitmentRef: d.commitmentRef, reason: d.reason })];
    }
    case 'envelope.recovery_collected':
      return recoveryCollectedMovements(event.data);
    case 'envelope.year_closed':
      return yearClosedMovements(event.data);
    default:
      return noMovement(event);
  }
}

/** A type added to EnvelopeEvent without a case above does not compile; at run time it books nothing. */
function noMovement(_event: never): LedgerMovement[] {
  return [];
}

/**
 * A collected recovery order: what pays back a payment of the exercise restores its CP (reversement, +); what pays back
 * an earlier exercise's is a receipt, which restores no credit: a row of zeros whose reason says how much came in.
 */
function recoveryCollectedMovements(d: Extract<EnvelopeEvent, { type: 'envelope.recovery_collected' }>['data']): LedgerMovement[] {
  const rows: LedgerMovement[] = [];
  const title = `${d.reason} (titre n° ${d.titleRef})`;
  if (d.restoredCents > 0)
    rows.push(movement(d.year, 'reversement', 0, d.restoredCents, { commitmentRef: d.commitmentRef, reason: title }));
  if (d.receiptCents > 0) {
    const reason = `${formatEuros(d.receiptCents)} reversés sur un paiement d’un exercice antérieur : ${title}`;
    rows.push(movement(d.year, 'recette (exercice antérieur)', 0, 0, { commitmentRef: d.commitmentRef, reason }));
  }
  return rows;
}

function yearClosedMovements(d: Extract<EnvelopeEvent, { type: 'envelope.year_closed' }>['data']): LedgerMovement[] {
  const rows: LedgerMovement[] = [];
  if (d.aeCarriedCents !== 0 || d.cpCarriedCents !== 0) {
    const to = d.nextYear === null ? null : `vers l’exercice ${d.nextYear}`;
    rows.push(movement(d.year, 'report sortant', minus(d.aeCarriedCents), minus(d.cpCarriedCents), { reason: to }));
    if (d.nextYear !== null)
      rows.push(movement(d.nextYear, 'report entrant', d.aeCarriedCents, d.cpCarriedCents, { reason: `de l’exercice ${d.year}` }));
  }
  if (d.aeLapsedCents !== 0 || d.cpLapsedCents !== 0)
    rows.push(
      movement(d.year, 'crédits non reportés', minus(d.aeLapsedCents), minus(d.cpLapsedCents), {
        reason: `clôture de l’exercice ${d.year}`,
      }),
    );
  if (rows.length === 0) rows.push(movement(d.year, 'clôture de l’exercice', 0, 0));
  return rows;
}

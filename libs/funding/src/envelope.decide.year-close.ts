import { DomainError, invalid } from '#kernel';
import { type Cents, assertCents, formatEuros } from './money.js';
import type { CloseYear } from './envelope.commands.js';
import type { CarryOverRule, EnvelopeEvent } from './envelope.events.js';
import {
  type EnvelopeState,
  type OpenedEnvelope,
  available,
  envelopeRecoveryOutstanding,
  envelopeRemainingToPay,
  grossCredits,
  remainingToPayOf,
  yearLedger,
} from './envelope.state.js';
import { MANAGERS, optionalText, requireOpen, requireRole } from './envelope.guards.js';
import type { Stamp } from './envelope.decide.credits.js';

/** The most of `unused` a rule lets go on into the next exercise (`base`: the credits the year received). */
export function carryOverCap(rule: CarryOverRule, unused: Cents, base: Cents): Cents {
  if (rule.mode === 'all') return unused;
  if (rule.mode === 'percent') return Math.min(unused, Number((BigInt(Math.max(base, 0)) * BigInt(rule.percent)) / 100n));
  return 0;
}

/** Payment orders not yet paid: a close must not strand them without saying so. */
function unpaidOrders(s: OpenedEnvelope) {
  return Object.values(s.unpaidOrders).sort((a, b) => (a.commitmentRef + a.orderRef < b.commitmentRef + b.orderRef ? -1 : 1));
}

function assertConfirmed(s: OpenedEnvelope, orders: ReturnType<typeof unpaidOrders>, reason: string | null): void {
  if (orders.length === 0 || reason !== null) return;
  const totalCents = orders.reduce((t, o) => t + o.amountCents, 0);
  throw new DomainError(
    'conflict',
    'ENVELOPE_UNPAID_ORDERS',
    `${orders.length} ordre(s) de payer ne sont pas payés sur ${s.envelopeId} (${formatEuros(totalCents)}) : ` +
      'faites-les payer, ou clôturez en donnant le motif (ils seront payés sur les CP de l’exercice suivant).',
    { year: s.currentYear, orders, totalCents, field: 'unpaidOrdersReason', rule: 'confirm-unpaid-orders-with-reason' },
  );
}

/** The last exercise of the period cannot close on commitments that still have something to pay: nothing would pay them. */
function assertNothingStranded(s: OpenedEnvelope, remainingToPayCents: Cents): void {
  if (remainingToPayCents === 0) return;
  const commitments = [...s.commitments]
    .map((c) => ({ commitmentRef: c.ref, remainingToPayCents: remainingToPayOf(c) }))
    .filter((c) => c.remainingToPayCents > 0)
    .slice(0, 50);
  throw new DomainError(
    'conflict',
    'ENVELOPE_REMAINING_TO_PAY',
    `${s.currentYear} est le dernier exercice de ${s.envelopeId} : ${formatEuros(remainingToPayCents)} restent à payer sur ses ` +
      'engagements. Payez-les ou désengagez-les avant de clôturer (une enveloppe pluriannuelle les paie sur l’exercice suivant).',
    { year: s.currentYear, remainingToPayCents, commitments, rule: 'never-strand-a-commitment' },
  );
}

/** Nor on recovery orders still to collect: a closed envelope collects nothing, the titles would be stranded. */
function assertNothingToCollect(s: OpenedEnvelope): void {
  const outstandingCents = envelopeRecoveryOutstanding(s);
  if (outstandingCents === 0) return;
  const titles = [...s.commitments]
    .flatMap((c) =>
      Object.entries(c.titles).map(([titleRef, t]) => ({
        commitmentRef: c.ref,
        titleRef,
        outstandingCents: t.amountCents - t.collectedCents,
      })),
    )
    .filter((t) => t.outstandingCents > 0)
    .slice(0, 50);
  throw new DomainError(
    'conflict',
    'ENVELOPE_RECOVERY_OUTSTANDING',
    `${s.currentYear} est le dernier exercice de ${s.envelopeId} : ${formatEuros(outstandingCents)} restent à recouvrer sur les ` +
      'titres émis. Faites-les recouvrer avant de clôturer (une enveloppe clôturée ne recouvre plus rien).',
    { year: s.currentYear, outstandingCents, titles, rule: 'never-strand-a-recovery' },
  );
}

/**
 * Closes the current exercise. Nothing committed is stranded: what remains to pay goes on into the next exercise, paid
 * from its CP. Unused AE and CP are carried by the envelope's declared rule (CP within its cap, by the close's decision)
 * and the rest lapses ("crédits non reportés"); the last exercise of the period carries nothing. Unpaid payment orders
 * refuse the close unless it gives its reason.
 */
export function decideCloseYear(cmd: CloseYear, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, MANAGERS, 'close the year');
  const s = requireOpen(state);
  if (cmd.year !== s.currentYear) {
    throw new DomainError('conflict', 'ENVELOPE_WRONG_YEAR', `L’exercice ouvert de l’enveloppe ${s.envelopeId} est ${s.currentYear}.`, {
      currentYear: s.currentYear,
      requestedYear: cmd.year ?? null,
    });
  }
  const remainingToPayCents = envelopeRemainingToPay(s);
  const last = s.currentYear >= s.period.toYear;
  // The last exercise has no next one to pay from: what remains to pay (unpaid orders included) refuses it first.
  if (last) {
    assertNothingStranded(s, remainingToPayCents);
    assertNothingToCollect(s);
  }
  const reason = optionalText(cmd.unpaidOrdersReason, 'unpaidOrdersReason', 2000);
  const orders = unpaidOrders(s);
  assertConfirmed(s, orders, reason);
  const y = yearLedger(s);
  const rules = last ? { ae: { mode: 'none' as const }, cp: { mode: 'none' as const } } : s.carryOver;
  const [aeUnused, cpUnused] = [available(y.ae), available(y.cp)];
  const aeCarried = carryOverCap(rules.ae, aeUnused, grossCredits(y.ae));
  const cpCap = carryOverCap(rules.cp, cpUnused, grossCredits(y.cp));
  const decided = cmd.cpCarriedCents === undefined ? null : assertCents(cmd.cpCarriedCents, 'cpCarriedCents');
  if (decided !== null && decided > cpCap) {
    throw invalid('ENVELOPE_CARRY_OVER_ABOVE_CAP', 'cpCarriedCents', `at most ${cpCap} cents (the envelope's carry-over rule)`, {
      capCents: cpCap,
      requestedCents: decided,
      rule: 'within-the-carry-over-cap',
    });
  }
  const cpCarried = decided ?? cpCap;
  const data = {
    ...stamp,
    year: s.currentYear,
    nextYear: last ? null : s.currentYear + 1,
    aeCarriedCents: aeCarried,
    aeLapsedCents: aeUnused - aeCarried,
    cpCarriedCents: cpCarried,
    cpLapsedCents: cpUnused - cpCarried,
    carryOver: s.carryOver,
    cpCarryOverDecidedCents: decided,
    remainingToPayCents,
    unpaidOrders: orders,
    unpaidOrdersReason: reason,
  };
  return [{ type: 'envelope.year_closed', data }];
}

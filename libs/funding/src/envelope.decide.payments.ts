import { DomainError, invalid } from '#kernel';
import { formatEuros } from './money.js';
import type { OrderPayment, PayInstalment, RecordServiceDone } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { type Commitment, type EnvelopeState, available, emptyLine, unusedOf, yearLedger } from './envelope.state.js';
import {
  CERTIFIERS,
  ORDONNATEURS,
  PAYERS,
  insufficient,
  positiveAmount,
  requireCommitment,
  requireOpen,
  requireRole,
  requireText,
} from './envelope.guards.js';
import type { Stamp } from './envelope.decide.credits.js';

const conflict = (code: string, message: string, details: Record<string, unknown>) => new DomainError('conflict', code, message, details);

/** The instalment a command names: one of the schedule's (required when there is one), 0 for a commitment not broken down. */
function instalmentOf(c: Commitment, value: number | undefined): { number: number; capCents: number | null } {
  if (c.schedule.length === 0) {
    if (value !== undefined && value !== 0)
      throw invalid('ENVELOPE_UNKNOWN_INSTALMENT', 'instalment', '0: this commitment has no schedule');
    return { number: 0, capCents: null };
  }
  const line = c.schedule.find((s) => s.number === value);
  if (!line) throw invalid('ENVELOPE_UNKNOWN_INSTALMENT', 'instalment', `one of ${c.schedule.map((s) => s.number).join(', ')}`);
  return { number: line.number, capCents: line.amountCents };
}

/** Service fait: a finance officer certifies an instalment's condition on its evidence, within the schedule and the EJ. */
export function decideServiceDone(cmd: RecordServiceDone, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, CERTIFIERS, 'certify service done');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  const instalment = instalmentOf(c, cmd.instalment);
  const reference = requireText(cmd.reference, 'reference');
  const line = c.lines[instalment.number] ?? emptyLine();
  const left = Math.min(unusedOf(c), instalment.capCents === null ? Infinity : instalment.capCents - line.certified);
  if (amountCents > left) {
    throw conflict('ENVELOPE_SERVICE_EXCEEDS_COMMITMENT', `Seuls ${formatEuros(Math.max(0, left))} restent à certifier (service fait).`, {
      commitmentRef: c.ref,
      instalment: instalment.number,
      availableCents: Math.max(0, left),
      requestedCents: amountCents,
    });
  }
  const data = {
    ...stamp,
    year: s.currentYear,
    commitmentRef: c.ref,
    amountCents,
    reference,
    instalment: instalment.number,
    certifiedBy: cmd.ctx.actor.id,
  };
  return [{ type: 'envelope.service_done', data }];
}

/** Liquidation and ordonnancement: the ordonnateur orders the payment of what service fait certified, not yet ordered. */
export function decideOrder(cmd: OrderPayment, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, ORDONNATEURS, 'order a payment');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  const instalment = instalmentOf(c, cmd.instalment);
  const orderRef = requireText(cmd.orderRef, 'orderRef');
  if (c.orders[orderRef]) throw conflict('ENVELOPE_ORDER_EXISTS', `L’ordre de payer ${orderRef} existe déjà.`, { orderRef });
  const line = c.lines[instalment.number] ?? emptyLine();
  const orderable = line.certified - line.ordered;
  if (amountCents > orderable) {
    throw conflict(
      'ENVELOPE_SERVICE_NOT_DONE',
      `Seuls ${formatEuros(orderable)} de l’échéance ${instalment.number} sont certifiés (service fait) et non ordonnancés.`,
      {
        commitmentRef: c.ref,
        instalment: instalment.number,
        availableCents: orderable,
        requestedCents: amountCents,
        allowedActions: ['RecordServiceDone'],
      },
    );
  }
  const data = {
    ...stamp,
    year: s.currentYear,
    commitmentRef: c.ref,
    instalment: instalment.number,
    orderRef,
    amountCents,
    orderedBy: cmd.ctx.actor.id,
  };
  return [{ type: 'envelope.payment_ordered', data }];
}

/** Separation of duties (a 403 naming the rule): the accountant who pays neither ordered the payment nor certified the service. */
function assertSeparateDuties(payer: string, orderedBy: string, certifiedBy: readonly string[], orderRef: string): void {
  const rule = payer === orderedBy ? 'orderer-never-pays' : certifiedBy.includes(payer) ? 'certifier-never-pays' : undefined;
  if (!rule) return;
  const what = rule === 'orderer-never-pays' ? 'ordonnancé ce paiement' : 'certifié le service fait de cette échéance';
  throw new DomainError('forbidden', 'SEPARATION_OF_DUTIES', `Vous avez ${what} : le comptable qui paie est une autre personne.`, {
    rule,
    orderRef,
    field: 'orderRef',
  });
}

/** The public accountant pays an order, from the CP of the current exercise. */
export function decidePay(cmd: PayInstalment, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, PAYERS, 'pay');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const orderRef = requireText(cmd.orderRef, 'orderRef');
  const order = c.orders[orderRef];
  if (!order)
    throw new DomainError('not_found', 'ENVELOPE_ORDER_NOT_FOUND', `Aucun ordre de payer ${orderRef} sur l’engagement ${c.ref}.`, {
      orderRef,
    });
  if (order.paidBy)
    throw conflict('ENVELOPE_ORDER_PAID', `L’ordre de payer ${orderRef} est déjà payé.`, { orderRef, paidBy: order.paidBy });
  assertSeparateDuties(cmd.ctx.actor.id, order.orderedBy, (c.lines[order.instalment] ?? emptyLine()).certifiedBy, orderRef);
  const free = available(yearLedger(s).cp);
  if (order.amountCents > free) throw insufficient('CP', s, free, order.amountCents);
  const data = {
    ...stamp,
    year: s.currentYear,
    commitmentRef: c.ref,
    amountCents: order.amountCents,
    instalment: order.instalment,
    orderRef,
    paidBy: cmd.ctx.actor.id,
  };
  return [{ type: 'envelope.paid', data }];
}

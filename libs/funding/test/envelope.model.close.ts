import type { EnvelopeEvent } from '../src/index.js';
import { type EnvelopeModel, carryCap, freeAe, freeCp, newYear, remainingToPay, unpaidOrdersOf } from './envelope.model.js';

type YearClosedData = Extract<EnvelopeEvent, { type: 'envelope.year_closed' }>['data'];

/** A year close, checked against the model's own carry-over and what it knows remains to pay, then booked. */
export function closeYear(m: EnvelopeModel, d: YearClosedData, rule: (ok: boolean, what: string) => void): void {
  const y = (m.years[d.year] ??= newYear(d.year));
  const last = d.year >= m.toYear;
  const [ae, cp] = [freeAe(y.ae), freeCp(y.cp)];
  const unpaid = unpaidOrdersOf(m);
  rule(d.nextYear === (last ? null : d.year + 1), 'opens the next exercise, none after the last');
  rule(JSON.stringify(d.unpaidOrders ?? []) === JSON.stringify(unpaid), 'records the unpaid orders');
  rule(unpaid.length === 0 || Boolean(d.unpaidOrdersReason), 'unpaid orders go on only with a reason');
  rule(d.remainingToPayCents === remainingToPay(m), `records what remains to pay (${remainingToPay(m)})`);
  rule(!last || remainingToPay(m) === 0, 'the last exercise strands nothing to pay');
  rule(d.aeCarriedCents + d.aeLapsedCents === ae && d.cpCarriedCents + d.cpLapsedCents === cp, 'carries or lapses all that is free');
  const rules = last ? { ae: { mode: 'none' as const }, cp: { mode: 'none' as const } } : m.carryOver;
  rule(d.aeCarriedCents === carryCap(rules.ae, ae, y.ae.notified - y.ae.reduced + y.ae.received), 'AE carried by the rule');
  const cpCap = carryCap(rules.cp, cp, y.cp.notified - y.cp.reduced + y.cp.received);
  const decided = d.cpCarryOverDecidedCents ?? null;
  rule(d.cpCarriedCents === (decided ?? cpCap) && d.cpCarriedCents <= cpCap, `CP carried as decided, within the cap (${cpCap})`);
  [y.ae.carriedOut, y.ae.lapsed, y.cp.carriedOut, y.cp.lapsed] = [d.aeCarriedCents, d.aeLapsedCents, d.cpCarriedCents, d.cpLapsedCents];
  y.closed = true;
  m.closes.push({ year: d.year, unpaidOrders: unpaid.length, reason: d.unpaidOrdersReason ?? null, cpDecided: decided });
  if (d.nextYear === null) {
    m.status = 'closed';
    return;
  }
  const next = (m.years[d.nextYear] ??= newYear(d.nextYear));
  [next.ae.carriedIn, next.cp.carriedIn] = [d.aeCarriedCents, d.cpCarriedCents];
  m.currentYear = d.nextYear;
}

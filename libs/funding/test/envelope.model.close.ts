import type { EnvelopeEvent } from '../src/index.js';
import {
  type CommitmentModel,
  type EnvelopeModel,
  type YearModel,
  carryCap,
  freeAe,
  freeCp,
  newYear,
  outstandingOf,
  remainingToPay,
  unpaidOrdersOf,
  unusedOfModel,
} from './envelope.model.js';

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
  const toCollect = Object.values(m.commitments).reduce((t, c) => t + outstandingOf(c), 0);
  rule(!last || toCollect === 0, `the last exercise strands no recovery order (${toCollect} to collect)`);
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

type AdjustedData = Extract<EnvelopeEvent, { type: 'envelope.commitment_adjusted' }>['data'];

/**
 * An amendment followed by the EJ: an increase consumes AE of the exercise (at most what is free), a reduction releases
 * AE (at most the unused part: never below the certified), an extension or a change of payee moves none; once each.
 */
export function adjust(d: AdjustedData, c: CommitmentModel, y: YearModel, rule: (ok: boolean, what: string) => void): void {
  rule(!c.amendments.includes(d.amendmentNumber), `${c.ref} follows amendment ${d.amendmentNumber} once`);
  const moves = d.kind === 'increase' || d.kind === 'reduction';
  rule(moves || d.deltaCents === 0, `an ${d.kind} moves no credit (${d.deltaCents})`);
  rule(d.kind !== 'increase' || d.deltaCents >= 0, `an increase consumes AE, never releases it (${d.deltaCents})`);
  rule(d.kind !== 'reduction' || d.deltaCents <= 0, `a reduction releases AE, never consumes it (${d.deltaCents})`);
  if (d.deltaCents > 0) rule(d.deltaCents <= freeAe(y.ae), `an increase commits at most the free AE (${freeAe(y.ae)})`);
  if (d.deltaCents < 0) rule(-d.deltaCents <= unusedOfModel(c), `a reduction releases at most the unused part (${unusedOfModel(c)})`);
  c.amendments.push(d.amendmentNumber);
  if (d.deltaCents > 0) [c.committed, y.ae.committed] = [c.committed + d.deltaCents, y.ae.committed + d.deltaCents];
  if (d.deltaCents < 0) [c.released, y.ae.released] = [c.released - d.deltaCents, y.ae.released - d.deltaCents];
  // the amended schedule: what each instalment may now be certified for; an instalment it drops takes nothing more
  const caps = new Map(d.schedule.map((x) => [x.number, x.amountCents]));
  if (d.schedule.length === 0) return;
  for (const [n, line] of Object.entries(c.lines)) {
    rule(caps.has(Number(n)) || line.certified === 0, `the amended schedule keeps instalment ${n}, certified ${line.certified}`);
    line.cap = caps.get(Number(n)) ?? 0;
  }
  for (const [n, cap] of caps) c.lines[n] ??= { cap, certified: 0, certifiedBy: [], ordered: 0, paid: 0 };
}

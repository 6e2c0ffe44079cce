import type { EnvelopeEvent } from '../src/index.js';
import {
  type CommitmentModel,
  type EnvelopeModel,
  type LineModel,
  freeAe,
  freeCp,
  newYear,
  outstandingOf,
  paidOf,
  unusedOfModel,
} from './envelope.model.js';
import { adjust, closeYear } from './envelope.model.close.js';

const NO_MORE = { paidByYear: {}, restoredByYear: {}, titles: {}, amendments: [] };
const add = (byYear: Record<number, number>, year: number, cents: number) => (byYear[year] = (byYear[year] ?? 0) + cents);

/**
 * Books one accepted event in the model (mutating it), after checking that the event honours the domain rules as the
 * model saw the envelope just before it. A broken rule is pushed on `m.violations` (the test expects none).
 */
export function applyToModel(m: EnvelopeModel, event: EnvelopeEvent): void {
  const rule = (ok: boolean, what: string) => {
    if (!ok) m.violations.push(`${event.type} on ${m.id}: ${what}`);
  };
  const data = event.data as { year?: number };
  if (data.year !== undefined) {
    rule(m.status === 'open' && data.year === m.currentYear, `booked in the open exercise ${m.currentYear} (not ${data.year})`);
    rule(!m.years[data.year]?.closed, `${data.year} is not closed`);
  }
  const y = (m.years[m.currentYear] ??= newYear(m.currentYear));
  const commitment = (ref: string): CommitmentModel => {
    const c = m.commitments[ref];
    rule(c !== undefined, `commitment ${ref} exists`);
    return c ?? { ...{ ref, splitKey: null, committed: 0, released: 0, recovered: 0, lines: {}, orders: {} }, ...NO_MORE };
  };
  const lineOf = (c: CommitmentModel, n: number): LineModel => {
    const line = c.lines[n];
    rule(line !== undefined, `instalment ${n} is one of ${c.ref}'s schedule`);
    return line ?? (c.lines[n] = { cap: 0, certified: 0, certifiedBy: [], ordered: 0, paid: 0 });
  };
  switch (event.type) {
    case 'envelope.opened':
    case 'envelope.split_exceeded':
      return;
    case 'envelope.split_set':
      m.split = event.data.split && { mode: event.data.split.mode, shares: { ...event.data.split.shares } };
      return;
    case 'envelope.credits_notified': {
      const d = event.data;
      [y.ae.notified, y.cp.notified] = [y.ae.notified + d.aeCents, y.cp.notified + d.cpCents];
      if (m.ceiling !== null) {
        const years = Object.values(m.years);
        rule(years.reduce((t, x) => t + x.ae.notified - x.ae.reduced, 0) <= m.ceiling, 'AE notified within the ceiling');
        rule(years.reduce((t, x) => t + x.cp.notified - x.cp.reduced, 0) <= m.ceiling, 'CP notified within the ceiling');
      }
      return;
    }
    case 'envelope.credits_reduced':
      rule(event.data.aeCents <= freeAe(y.ae) && event.data.cpCents <= freeCp(y.cp), 'a reduction takes only what is free');
      [y.ae.reduced, y.cp.reduced] = [y.ae.reduced + event.data.aeCents, y.cp.reduced + event.data.cpCents];
      return;
    case 'envelope.allocated_to_child': {
      const d = event.data;
      rule(d.aeCents <= freeAe(y.ae) && d.cpCents <= freeCp(y.cp), 'an allocation takes only what is free');
      [y.ae.allocated, y.cp.allocated] = [y.ae.allocated + d.aeCents, y.cp.allocated + d.cpCents];
      const child = (m.children[d.childId] ??= { ae: 0, cp: 0 });
      [child.ae, child.cp] = [child.ae + d.aeCents, child.cp + d.cpCents];
      return;
    }
    case 'envelope.allocation_received':
      [y.ae.received, y.cp.received] = [y.ae.received + event.data.aeCents, y.cp.received + event.data.cpCents];
      return;
    case 'envelope.transferred':
      rule(event.data.aeCents <= freeAe(y.ae) && event.data.cpCents <= freeCp(y.cp), 'a transfer takes only what is free');
      [y.ae.transferredOut, y.cp.transferredOut] = [y.ae.transferredOut + event.data.aeCents, y.cp.transferredOut + event.data.cpCents];
      return;
    case 'envelope.transfer_received':
      [y.ae.transferredIn, y.cp.transferredIn] = [y.ae.transferredIn + event.data.aeCents, y.cp.transferredIn + event.data.cpCents];
      return;
    case 'envelope.committed': {
      const d = event.data;
      rule(m.commitments[d.commitmentRef] === undefined, `${d.commitmentRef} is a new commitment`);
      rule(d.amountCents <= freeAe(y.ae), `commits at most the free AE (${freeAe(y.ae)} < ${d.amountCents})`);
      rule(d.ejNumber !== undefined && !m.ejNumbers.includes(d.ejNumber), `EJ number ${d.ejNumber} is new on the envelope`);
      if (d.ejNumber) m.ejNumbers.push(d.ejNumber);
      y.ae.committed += d.amountCents;
      const schedule = d.schedule ?? [];
      const lines: Record<number, LineModel> = {};
      for (const s of schedule.length ? schedule : [{ number: 0, amountCents: null }])
        lines[s.number] = { cap: s.amountCents, certified: 0, certifiedBy: [], ordered: 0, paid: 0 };
      m.commitments[d.commitmentRef] = {
        ...{ ref: d.commitmentRef, splitKey: d.splitKey, committed: d.amountCents, released: 0, recovered: 0, lines },
        ...{ orders: {}, paidByYear: {}, restoredByYear: {}, titles: {}, amendments: [] },
      };
      return;
    }
    case 'envelope.commitment_released': {
      const c = commitment(event.data.commitmentRef);
      rule(event.data.amountCents <= unusedOfModel(c), `releases at most the unused part (${unusedOfModel(c)})`);
      [c.released, y.ae.released] = [c.released + event.data.amountCents, y.ae.released + event.data.amountCents];
      return;
    }
    case 'envelope.service_done': {
      const d = event.data;
      const c = commitment(d.commitmentRef);
      const line = lineOf(c, d.instalment ?? 0);
      rule(line.cap === null || line.certified + d.amountCents <= line.cap, `instalment ${d.instalment} certified within its schedule`);
      rule(d.amountCents <= unusedOfModel(c), `certifies at most the unused part (${unusedOfModel(c)})`);
      rule(d.certifiedBy !== undefined, 'names its certifier');
      line.certified += d.amountCents;
      if (d.certifiedBy && !line.certifiedBy.includes(d.certifiedBy)) line.certifiedBy.push(d.certifiedBy);
      return;
    }
    case 'envelope.payment_ordered': {
      const d = event.data;
      const c = commitment(d.commitmentRef);
      const line = lineOf(c, d.instalment);
      rule(c.orders[d.orderRef] === undefined, `order ${d.orderRef} is new`);
      rule(line.ordered + d.amountCents <= line.certified, `orders at most what is certified (${line.certified - line.ordered})`);
      line.ordered += d.amountCents;
      c.orders[d.orderRef] = { instalment: d.instalment, amount: d.amountCents, orderedBy: d.orderedBy, paidBy: null, paidIn: null };
      return;
    }
    case 'envelope.paid': {
      const d = event.data;
      const c = commitment(d.commitmentRef);
      const order = d.orderRef === undefined ? undefined : c.orders[d.orderRef];
      rule(order !== undefined && order.paidBy === null, `pays an unpaid order (${d.orderRef})`);
      rule(order?.amount === d.amountCents && order.instalment === d.instalment, 'pays the amount of the order, on its instalment');
      const line = lineOf(c, d.instalment);
      const payer = d.paidBy ?? '';
      rule(payer !== order?.orderedBy && !line.certifiedBy.includes(payer), `the payer ${payer} neither ordered nor certified`);
      rule(d.amountCents <= freeCp(y.cp), `pays at most the free CP (${freeCp(y.cp)} < ${d.amountCents})`);
      if (order) [order.paidBy, order.paidIn] = [payer, d.year];
      [line.paid, y.cp.paid] = [line.paid + d.amountCents, y.cp.paid + d.amountCents];
      add(c.paidByYear, d.year, d.amountCents);
      return;
    }
    case 'envelope.recovered': {
      // The reversement before recovery orders: no command writes it any more (legacy streams only).
      const c = commitment(event.data.commitmentRef);
      [c.recovered, y.cp.recovered] = [c.recovered + event.data.amountCents, y.cp.recovered + event.data.amountCents];
      add(c.restoredByYear, event.data.year, event.data.amountCents);
      return;
    }
    case 'envelope.recovery_ordered': {
      const d = event.data;
      const c = commitment(d.commitmentRef);
      const claimable = paidOf(c) - c.recovered - outstandingOf(c);
      rule(c.titles[d.titleRef] === undefined, `title ${d.titleRef} is new`);
      rule(d.amountCents <= claimable, `claims at most what was paid and is not claimed yet (${claimable})`);
      c.titles[d.titleRef] = { amount: d.amountCents, collected: 0, orderedBy: d.orderedBy };
      return;
    }
    case 'envelope.recovery_collected': {
      const d = event.data;
      const c = commitment(d.commitmentRef);
      const title = c.titles[d.titleRef];
      rule(title !== undefined && d.amountCents <= title.amount - title.collected, `collects at most what ${d.titleRef} still claims`);
      rule(title?.orderedBy !== d.collectedBy, 'the collector did not issue the title');
      const restorable = (c.paidByYear[d.year] ?? 0) - (c.restoredByYear[d.year] ?? 0);
      rule(d.restoredCents === Math.min(d.amountCents, restorable), `restores CP for this exercise's payments only (${restorable})`);
      rule(d.restoredCents + d.receiptCents === d.amountCents, 'restored + receipt = collected');
      if (title) title.collected += d.amountCents;
      c.recovered += d.amountCents;
      [y.cp.recovered, y.cp.receipts] = [y.cp.recovered + d.restoredCents, y.cp.receipts + d.receiptCents];
      add(c.restoredByYear, d.year, d.restoredCents);
      return;
    }
    case 'envelope.year_closed':
      return closeYear(m, event.data, rule);
    case 'envelope.commitment_adjusted':
      return adjust(event.data, commitment(event.data.commitmentRef), y, rule);
  }
}

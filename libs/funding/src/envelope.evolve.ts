import { addCents } from './money.js';
import { type EnvelopeEvent, isEnvelopeEvent } from './envelope.events.js';
import { CommitmentBook } from './commitment-book.js';
import {
  type Commitment,
  type CommitmentTotals,
  type EnvelopeState,
  type Flows,
  type OpenedEnvelope,
  emptyCommitmentTotals,
  emptyLine,
  emptyYear,
  type InstalmentLine,
  yearLedger,
} from './envelope.state.js';

type FlowChange = Partial<Record<keyof Flows, number>>;

function addFlows(f: Flows, change: FlowChange): Flows {
  const next = { ...f };
  for (const [k, v] of Object.entries(change) as [keyof Flows, number][]) next[k] = addCents(next[k], v);
  return next;
}

function book(s: OpenedEnvelope, year: number, ae: FlowChange, cp: FlowChange): OpenedEnvelope {
  const y = yearLedger(s, year);
  return { ...s, years: { ...s.years, [year]: { ...y, ae: addFlows(y.ae, ae), cp: addFlows(y.cp, cp) } } };
}

type Amounts = Partial<CommitmentTotals>;

/** Adds `amounts` to a commitment and to the envelope's totals; `instalments` is set, not added. */
function updateCommitment(s: OpenedEnvelope, ref: string, amounts: Amounts, instalments?: number): OpenedEnvelope {
  const c = s.commitments.get(ref);
  if (!c) return s;
  const next = { ...c, ...(instalments === undefined ? {} : { instalments }) };
  const totals = { ...s.commitmentTotals };
  for (const [k, v] of Object.entries(amounts) as [keyof CommitmentTotals, number][]) {
    next[k] = addCents(next[k], v);
    totals[k] = addCents(totals[k], v);
  }
  return { ...s, commitments: s.commitments.with(next), commitmentTotals: totals };
}

export function evolveEnvelope(state: EnvelopeState, event: EnvelopeEvent): EnvelopeState {
  if (!isEnvelopeEvent(event)) return state; // a type this version does not know: left to upcasters
  if (event.type === 'envelope.opened') {
    const d = event.data;
    return {
      status: 'open',
      envelopeId: d.envelopeId,
      fund: d.fund,
      territoryCode: d.territoryCode,
      period: d.period,
      label: d.label,
      parentId: d.parentId,
      ceilingCents: d.ceilingCents,
      carryOver: d.carryOver,
      split: d.split,
      currentYear: d.period.fromYear,
      years: { [d.period.fromYear]: emptyYear(d.period.fromYear) },
      commitments: CommitmentBook.empty(),
      commitmentTotals: emptyCommitmentTotals(),
      recoveryTotals: { ordered: 0, collected: 0 },
      unpaidOrders: {},
      children: {},
      splitCommitted: {},
    };
  }
  if (state.status === 'none') return state;
  return evolveOpened(state, event);
}

function evolveOpened(s: OpenedEnvelope, event: EnvelopeEvent): OpenedEnvelope {
  switch (event.type) {
    case 'envelope.opened':
      return s;
    case 'envelope.credits_notified':
      return book(s, event.data.year, { notified: event.data.aeCents }, { notified: event.data.cpCents });
    case 'envelope.credits_reduced':
      return book(s, event.data.year, { reduced: event.data.aeCents }, { reduced: event.data.cpCents });
    case 'envelope.split_set':
      return { ...s, split: event.data.split };
    case 'envelope.allocated_to_child': {
      const d = event.data;
      const child = s.children[d.childId] ?? { aeCents: 0, cpCents: 0 };
      const next = book(s, d.year, { allocated: d.aeCents }, { allocated: d.cpCents });
      return {
        ...next,
        children: {
          ...next.children,
          [d.childId]: { aeCents: addCents(child.aeCents, d.aeCents), cpCents: addCents(child.cpCents, d.cpCents) },
        },
      };
    }
    case 'envelope.allocation_received':
      return book(s, event.data.year, { received: event.data.aeCents }, { received: event.data.cpCents });
    case 'envelope.transferred':
      return book(s, event.data.year, { transferredOut: event.data.aeCents }, { transferredOut: event.data.cpCents });
    case 'envelope.transfer_received':
      return book(s, event.data.year, { transferredIn: event.data.aeCents }, { transferredIn: event.data.cpCents });
    case 'envelope.committed': {
      const d = event.data;
      const next = book(s, d.year, { consumed: d.amountCents }, {});
      const commitment: Commitment = {
        ref: d.commitmentRef,
        projectId: d.projectId,
        year: d.year,
        splitKey: d.splitKey,
        committed: d.amountCents,
        released: 0,
        serviceDone: 0,
        paid: 0,
        recovered: 0,
        instalments: 0,
        awardActId: d.awardActId ?? null,
        actAmountCents: d.actAmountCents ?? d.amountCents,
        ejNumber: d.ejNumber ?? null,
        schedule: d.schedule ?? [],
        lines: {},
        orders: {},
        paidByYear: {},
        restoredByYear: {},
        titles: {},
        amendments: [],
      };
      const totals = { ...next.commitmentTotals, committed: addCents(next.commitmentTotals.committed, d.amountCents) };
      return withSplit({ ...next, commitments: next.commitments.with(commitment), commitmentTotals: totals }, d.splitKey, d.amountCents);
    }
    case 'envelope.split_exceeded':
      return s;
    case 'envelope.commitment_released': {
      const d = event.data;
      const c = s.commitments.get(d.commitmentRef);
      if (!c) return s;
      const next = updateCommitment(book(s, d.year, { restored: d.amountCents }, {}), c.ref, { released: d.amountCents });
      return withSplit(next, c.splitKey, -d.amountCents);
    }
    case 'envelope.commitment_adjusted': {
      const d = event.data;
      const c = s.commitments.get(d.commitmentRef);
      if (!c) return s;
      const increase = Math.max(0, d.deltaCents);
      const reduction = Math.max(0, -d.deltaCents);
      let next = book(s, d.year, { consumed: increase, restored: reduction }, {});
      next = updateCommitment(next, c.ref, { committed: increase, released: reduction });
      next = withSplit(next, c.splitKey, d.deltaCents);
      return withCommitment(next, c.ref, (x) => ({
        ...x,
        actAmountCents: d.actAmountCents,
        schedule: d.schedule,
        amendments: [...x.amendments, d.amendmentNumber],
      }));
    }
    case 'envelope.service_done': {
      const d = event.data;
      const next = updateCommitment(s, d.commitmentRef, { serviceDone: d.amountCents });
      return withLine(next, d.commitmentRef, d.instalment ?? 0, (l) => ({
        ...l,
        certified: addCents(l.certified, d.amountCents),
        certifiedBy: d.certifiedBy && !l.certifiedBy.includes(d.certifiedBy) ? [...l.certifiedBy, d.certifiedBy] : l.certifiedBy,
      }));
    }
    case 'envelope.payment_ordered': {
      const d = event.data;
      const next = withLine(s, d.commitmentRef, d.instalment, (l) => ({ ...l, ordered: addCents(l.ordered, d.amountCents) }));
      const order = { instalment: d.instalment, amountCents: d.amountCents, orderedBy: d.orderedBy, paidBy: null };
      const unpaid = { commitmentRef: d.commitmentRef, orderRef: d.orderRef, amountCents: d.amountCents };
      const withUnpaid = { ...next, unpaidOrders: { ...next.unpaidOrders, [`${d.commitmentRef} ${d.orderRef}`]: unpaid } };
      return withCommitment(withUnpaid, d.commitmentRef, (c) => ({ ...c, orders: { ...c.orders, [d.orderRef]: order } }));
    }
    case 'envelope.paid': {
      const d = event.data;
      if (!s.commitments.get(d.commitmentRef)) return s;
      let next = updateCommitment(book(s, d.year, {}, { consumed: d.amountCents }), d.commitmentRef, { paid: d.amountCents }, d.instalment);
      next = withLine(next, d.commitmentRef, d.instalment, (l) => ({ ...l, paid: addCents(l.paid, d.amountCents) }));
      next = withCommitment(next, d.commitmentRef, (c) => ({ ...c, paidByYear: plus(c.paidByYear, d.year, d.amountCents) }));
      const orderRef = d.orderRef;
      if (!orderRef) return next;
      const { [`${d.commitmentRef} ${orderRef}`]: _paid, ...unpaidOrders } = next.unpaidOrders;
      return withCommitment({ ...next, unpaidOrders }, d.commitmentRef, (c) =>
        c.orders[orderRef] ? { ...c, orders: { ...c.orders, [orderRef]: { ...c.orders[orderRef]!, paidBy: d.paidBy ?? null } } } : c,
      );
    }
    case 'envelope.recovered': {
      const d = event.data;
      if (!s.commitments.get(d.commitmentRef)) return s;
      const next = updateCommitment(book(s, d.year, {}, { restored: d.amountCents }), d.commitmentRef, { recovered: d.amountCents });
      return withCommitment(next, d.commitmentRef, (c) => ({ ...c, restoredByYear: plus(c.restoredByYear, d.year, d.amountCents) }));
    }
    case 'envelope.recovery_ordered': {
      const d = event.data;
      const title = { kind: d.titleKind, amountCents: d.amountCents, collectedCents: 0, orderedBy: d.orderedBy, reason: d.reason };
      const totals = { ...s.recoveryTotals, ordered: addCents(s.recoveryTotals.ordered, d.amountCents) };
      return withCommitment({ ...s, recoveryTotals: totals }, d.commitmentRef, (c) => ({
        ...c,
        titles: { ...c.titles, [d.titleRef]: title },
      }));
    }
    case 'envelope.recovery_collected': {
      const d = event.data;
      if (!s.commitments.get(d.commitmentRef)) return s;
      const recoveryTotals = { ...s.recoveryTotals, collected: addCents(s.recoveryTotals.collected, d.amountCents) };
      const booked = { ...book(s, d.year, {}, { restored: d.restoredCents, receipts: d.receiptCents }), recoveryTotals };
      return withCommitment(updateCommitment(booked, d.commitmentRef, { recovered: d.amountCents }), d.commitmentRef, (c) => {
        const title = c.titles[d.titleRef];
        const titles = title
          ? { ...c.titles, [d.titleRef]: { ...title, collectedCents: addCents(title.collectedCents, d.amountCents) } }
          : c.titles;
        return { ...c, titles, restoredByYear: plus(c.restoredByYear, d.year, d.restoredCents) };
      });
    }
    case 'envelope.year_closed': {
      const d = event.data;
      let next = book(
        s,
        d.year,
        { carriedOut: d.aeCarriedCents, lapsed: d.aeLapsedCents },
        { carriedOut: d.cpCarriedCents, lapsed: d.cpLapsedCents },
      );
      next = { ...next, years: { ...next.years, [d.year]: { ...yearLedger(next, d.year), closed: true } } };
      if (d.nextYear === null) return { ...next, status: 'closed' };
      next = book({ ...next, currentYear: d.nextYear }, d.nextYear, { carriedIn: d.aeCarriedCents }, { carriedIn: d.cpCarriedCents });
      return next;
    }
  }
}

/** A commitment replaced by `change` of it (amounts unchanged: the totals stay). */
function withCommitment(s: OpenedEnvelope, ref: string, change: (c: Commitment) => Commitment): OpenedEnvelope {
  const c = s.commitments.get(ref);
  return c ? { ...s, commitments: s.commitments.with(change(c)) } : s;
}

function withLine(s: OpenedEnvelope, ref: string, instalment: number, change: (l: InstalmentLine) => InstalmentLine): OpenedEnvelope {
  return withCommitment(s, ref, (c) => ({ ...c, lines: { ...c.lines, [instalment]: change(c.lines[instalment] ?? emptyLine()) } }));
}

const plus = (byYear: Readonly<Record<number, number>>, year: number, cents: number) => ({
  ...byYear,
  [year]: addCents(byYear[year] ?? 0, cents),
});

function withSplit(s: OpenedEnvelope, key: string | null, delta: number): OpenedEnvelope {
  if (key === null) return s;
  const current = s.splitCommitted[key] ?? 0;
  return { ...s, splitCommitted: { ...s.splitCommitted, [key]: current + delta } };
}

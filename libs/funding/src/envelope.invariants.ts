import { isCents } from './money.js';
import { type EnvelopeState, type Flows, available, netCertified, netCommitted, netPaid } from './envelope.state.js';

/**
 * The envelope's invariants, checked on a folded state; returns the broken ones (empty: all hold).
 * Used by the property tests and available to auditors replaying a stream.
 */
export function envelopeInvariantViolations(state: EnvelopeState): string[] {
  if (state.status === 'none') return [];
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  const flowsOk = (f: Flows, where: string) => {
    for (const [k, v] of Object.entries(f)) check(isCents(v), `${where}.${k} is integer cents >= 0 (${v})`);
    check(available(f) >= 0, `${where}: consumed <= credits (available ${available(f)})`);
    check(f.reduced <= f.notified, `${where}: reduced <= notified`);
  };
  const totals = {
    aeConsumed: 0,
    aeRestored: 0,
    cpConsumed: 0,
    cpRestored: 0,
    cpReceipts: 0,
    aeAllocated: 0,
    cpAllocated: 0,
    aeNotified: 0,
    cpNotified: 0,
  };
  for (const y of Object.values(state.years)) {
    flowsOk(y.ae, `${y.year}.ae`);
    flowsOk(y.cp, `${y.year}.cp`);
    if (y.closed) check(available(y.ae) === 0 && available(y.cp) === 0, `${y.year}: a closed year keeps nothing available`);
    check(y.year >= state.period.fromYear && y.year <= state.period.toYear, `${y.year} lies in the period`);
    totals.aeConsumed += y.ae.consumed;
    totals.aeRestored += y.ae.restored;
    totals.cpConsumed += y.cp.consumed;
    totals.cpRestored += y.cp.restored;
    totals.cpReceipts += y.cp.receipts;
    totals.aeAllocated += y.ae.allocated;
    totals.cpAllocated += y.cp.allocated;
    totals.aeNotified += y.ae.notified - y.ae.reduced;
    totals.cpNotified += y.cp.notified - y.cp.reduced;
  }
  let titled = 0;
  let collected = 0;
  const sums = { committed: 0, released: 0, serviceDone: 0, paid: 0, recovered: 0 };
  const bySplit: Record<string, number> = {};
  for (const c of state.commitments) {
    for (const k of ['committed', 'released', 'serviceDone', 'paid', 'recovered'] as const)
      check(isCents(c[k]), `${c.ref}.${k} is integer cents >= 0`);
    check(netPaid(c) >= 0, `${c.ref}: recovered <= paid`);
    check(netPaid(c) <= netCertified(c), `${c.ref}: paid <= service done`);
    check(netCertified(c) <= netCommitted(c), `${c.ref}: service done <= committed`);
    sums.committed += c.committed;
    sums.released += c.released;
    sums.serviceDone += c.serviceDone;
    sums.paid += c.paid;
    sums.recovered += c.recovered;
    for (const t of Object.values(c.titles)) {
      check(t.collectedCents <= t.amountCents, `${c.ref}: a title collects at most its amount`);
      [titled, collected] = [titled + t.amountCents, collected + t.collectedCents];
    }
    if (c.splitKey !== null) bySplit[c.splitKey] = (bySplit[c.splitKey] ?? 0) + netCommitted(c);
  }
  check(sums.committed === totals.aeConsumed && sums.released === totals.aeRestored, 'commitments sum to the AE committed and released');
  check(
    sums.paid === totals.cpConsumed && sums.recovered === totals.cpRestored + totals.cpReceipts,
    'payments sum to the CP paid, and recoveries to the CP restored plus the receipts',
  );

  for (const k of Object.keys(sums) as (keyof typeof sums)[])
    check(state.commitmentTotals[k] === sums[k], `the commitments' ${k} total is their sum (${state.commitmentTotals[k]} ≠ ${sums[k]})`);
  check(titled === state.recoveryTotals.ordered && collected === state.recoveryTotals.collected, 'recovery totals sum the titles');
  const children = Object.values(state.children);
  check(children.reduce((t, c) => t + c.aeCents, 0) === totals.aeAllocated, "children's AE allocations sum to the AE allocated");
  check(children.reduce((t, c) => t + c.cpCents, 0) === totals.cpAllocated, "children's CP allocations sum to the CP allocated");
  for (const [key, cents] of Object.entries(state.splitCommitted))
    check((bySplit[key] ?? 0) === cents, `split ${key} sums its commitments`);
  if (state.ceilingCents !== null) {
    check(totals.aeNotified <= state.ceilingCents && totals.cpNotified <= state.ceilingCents, 'notified credits <= ceiling');
  }
  if (state.split?.mode === 'hard') {
    for (const [key, share] of Object.entries(state.split.shares))
      check((state.splitCommitted[key] ?? 0) <= share, `hard split ${key} <= share`);
  }
  return broken;
}

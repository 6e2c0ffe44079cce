import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '#kernel';
import type { EnvelopeCommand } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeBalance } from './envelope.balance.js';
import { envelopeInvariantViolations } from './envelope.invariants.js';
import { ledgerMovementsOf } from './envelope.ledger.js';
import { type EnvelopeState, type Flows, available, emptyFlows, netPaid, outstandingRecoveries } from './envelope.state.js';
import { commandFingerprint, eventIdFor } from './request-id.js';
import { cmd, ctx } from '../test/envelope.fixtures.js';

/** A parent (FIP national 2023–2025) and two children (académies) run through random command sequences, purely. */
const P = 'fip-national-2023-2025';
const IDS = [P, 'fip-academie-09-2023-2025', 'fip-academie-10-2023-2025'] as const;
type Op =
  | 'notify'
  | 'reduce'
  | 'allocate'
  | 'transfer'
  | 'commit'
  | 'release'
  | 'service'
  | 'order'
  | 'pay'
  | 'title'
  | 'collect'
  | 'close'
  | 'split'
  | 'retry'
  | 'reuse';
/** Weighted so that sequences reach funded, committed and paid states, not only refusals. */
const WEIGHTED: Op[] = [
  'notify',
  'notify',
  'notify',
  'allocate',
  'allocate',
  'allocate',
  'commit',
  'commit',
  'commit',
  'commit',
  'pay',
  'pay',
  'pay',
  'order',
  'order',
  'order',
  'order',
  'pay',
  'pay',
  'pay',
  'service',
  'service',
  'service',
  'release',
  'reduce',
  'transfer',
  'transfer',
  'title',
  'title',
  'title',
  'title',
  'collect',
  'collect',
  'collect',
  'collect',
  'collect',
  'close',
  'split',
  'retry',
  'reuse',
];
const step = fc.record({
  op: fc.constantFrom(...WEIGHTED),
  target: fc.nat(2),
  other: fc.nat(2),
  ref: fc.nat(3),
  flag: fc.boolean(),
  amount: fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 3_000 }), weight: 6 },
    { arbitrary: fc.integer({ min: 1, max: 60_000 }), weight: 3 },
  ),
  role: fc.constantFrom('finance', 'finance', 'finance', 'finance', 'finance', 'admin', 'admin', 'system', 'validator') as fc.Arbitrary<
    'finance' | 'admin' | 'system' | 'validator'
  >,
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

interface World {
  states: EnvelopeState[];
  events: EnvelopeEvent[][];
  accepted: { target: number; command: EnvelopeCommand }[];
  /** What the application's idempotency ledger knows: the fingerprint of each request accepted, per envelope. */
  requests: Map<string, string>;
}

function openWorld(): World {
  const w: World = {
    states: IDS.map(() => envelopeDecider.initialState()),
    events: IDS.map(() => []),
    accepted: [],
    requests: new Map(),
  };
  const period = { fromYear: 2023, toYear: 2025 };
  apply(w, 0, cmd('OpenEnvelope', { fund: 'fip', territoryCode: 'national', period, ceilingCents: 2_000_000, ctx: ctx('admin') }));
  apply(
    w,
    1,
    cmd('OpenEnvelope', {
      fund: 'fip',
      territoryCode: 'academie-09',
      period,
      parentId: P,
      carryOver: { ae: { mode: 'percent', percent: 50 }, cp: { mode: 'all' } },
    }),
  );
  apply(
    w,
    2,
    cmd('OpenEnvelope', {
      fund: 'fip',
      territoryCode: 'academie-10',
      period,
      parentId: P,
      split: { mode: 'soft', shares: { a: 5_000, b: 1_000 } },
    }),
  );
  // a funded start (as in the seeds: notified nationally, then split over académies); the random steps go on from here
  apply(w, 0, cmd('NotifyCredits', { aeCents: 1_000_000, cpCents: 500_000, ctx: ctx('admin') }));
  for (const child of [1, 2]) {
    const allocate = cmd('AllocateToChild', { childId: IDS[child]!, aeCents: 200_000, cpCents: 100_000, ctx: ctx('admin') });
    apply(w, 0, allocate);
    const parentEventId = eventIdFor(allocate.requestId, 0, `envelope-${P}`);
    apply(
      w,
      child,
      cmd('ReceiveAllocation', {
        parentId: P,
        parentEventId,
        aeCents: 200_000,
        cpCents: 100_000,
        ctx: ctx('system'),
        requestId: `allocation:${parentEventId}`,
      }),
    );
  }
  return w;
}

/** As the application runs a command: a request id already accepted is answered from the ledger, not decided again. */
function apply(w: World, target: number, command: EnvelopeCommand): EnvelopeEvent[] {
  const key = `${target}:${command.requestId}`;
  const seen = w.requests.get(key);
  if (seen !== undefined) {
    if (seen !== commandFingerprint(command)) throw new DomainError('conflict', 'IDEMPOTENCY_KEY_REUSED', 'clé déjà utilisée');
    return [];
  }
  const events = envelopeDecider.decide(command, w.states[target]!);
  for (const e of events) w.states[target] = envelopeDecider.evolve(w.states[target]!, e);
  w.events[target]!.push(...events);
  if (events.length > 0) {
    w.accepted.push({ target, command });
    w.requests.set(key, commandFingerprint(command));
  }
  return events;
}

/** Interprets one random step as the application would run it; returns the refusal, if any. */
function run(w: World, s: Step, i: number): DomainError | undefined {
  const c = ctx(s.role);
  const requestId = `step-${i}`;
  const existing = w.states.flatMap((st) => (st.status === 'none' ? [] : [...st.commitments].map((c) => c.ref)));
  const ref = s.op !== 'commit' && existing.length > 0 ? existing[s.ref % existing.length]! : `EJ-${s.ref}`;
  // bias towards meaningful targets: the envelope holding the commitment, or the richest one to commit on
  const holder = w.states.findIndex((st) => st.status !== 'none' && st.commitments.get(ref) !== undefined);
  const richest = w.states
    .map((st) => (st.status === 'open' ? available(st.years[st.currentYear]!.ae) : -1))
    .reduce((best, v, i, all) => (v > all[best]! ? i : best), 0);
  const t =
    ['pay', 'order', 'service', 'recover', 'release'].includes(s.op) && holder >= 0
      ? holder
      : s.op === 'commit' && s.flag
        ? richest
        : s.target;
  const reason = s.ref === 0 && s.flag ? '' : 'motif';
  const commands: Record<Op, () => [number, EnvelopeCommand] | undefined> = {
    notify: () => [t, cmd('NotifyCredits', { aeCents: 4 * s.amount, cpCents: 2 * s.amount, ctx: c, requestId })],
    reduce: () => [t, cmd('ReduceCredits', { aeCents: s.amount, cpCents: 0, reason, ctx: c, requestId })],
    allocate: () => [
      0,
      cmd('AllocateToChild', { childId: IDS[1 + (s.other % 2)]!, aeCents: s.amount, cpCents: Math.floor(s.amount / 3), ctx: c, requestId }),
    ],
    transfer: () => [
      1 + (t % 2),
      cmd('TransferToSibling', { toId: IDS[1 + ((t + 1) % 2)]!, aeCents: s.amount, cpCents: 0, reason, ctx: c, requestId }),
    ],
    commit: () => [
      t,
      cmd('Commit', {
        commitmentRef: ref,
        projectId: `p${s.ref}`,
        amountCents: Math.ceil(s.amount / 5),
        splitKey: s.ref === 3 ? null : s.flag ? 'a' : 'b',
        ctx: c,
        requestId,
        on: IDS[t]!,
      }),
    ],
    release: () => [
      t,
      cmd('ReleaseCommitment', { commitmentRef: ref, reason: 'fin', ...(s.flag ? {} : { amountCents: s.amount }), ctx: c, requestId }),
    ],
    service: () => [
      t,
      cmd('RecordServiceDone', { commitmentRef: ref, amountCents: Math.ceil(s.amount / 10), reference: 'PV', ctx: c, requestId }),
    ],
    order: () => {
      // Mostly what is certified and not yet ordered on a commitment of the envelope (so that payments happen), else any amount.
      const st = w.states[t]!;
      const certified =
        st.status === 'none' ? [] : [...st.commitments].filter((x) => (x.lines[0]?.certified ?? 0) > (x.lines[0]?.ordered ?? 0));
      const pick = s.flag ? undefined : certified[s.ref % Math.max(1, certified.length)];
      const line = pick?.lines[0];
      const amountCents = line ? line.certified - line.ordered : Math.ceil(s.amount / 10);
      return [t, cmd('OrderPayment', { commitmentRef: pick?.ref ?? ref, amountCents, orderRef: `DP-${requestId}`, ctx: c, requestId })];
    },
    pay: () => {
      // The accountant pays an order of the envelope not yet paid (or one that does not exist: a refusal to reach).
      const st = w.states[t]!;
      const unpaid =
        st.status === 'none'
          ? []
          : [...st.commitments].flatMap((x) =>
              Object.entries(x.orders)
                .filter(([, o]) => !o.paidBy)
                .map(([r]) => [x.ref, r]),
            );
      const [commitmentRef, orderRef] = unpaid[s.ref % Math.max(1, unpaid.length)] ?? [ref, 'DP-none'];
      const payer = s.flag || s.ref > 0 ? { ...c, actor: { id: 'comptable', role: 'accountant' as const, scope: {} } } : c;
      return [t, cmd('PayInstalment', { commitmentRef: commitmentRef!, orderRef: orderRef!, ctx: payer, requestId })];
    },
    title: () => {
      // A recovery order for half of what a commitment of the envelope paid and is not claimed yet (or any amount).
      const st = w.states[t]!;
      const paidOnes = st.status === 'none' ? [] : [...st.commitments].filter((x) => netPaid(x) - outstandingRecoveries(x) > 0);
      const commitment = paidOnes[s.ref % Math.max(1, paidOnes.length)];
      const claimable = commitment ? netPaid(commitment) - outstandingRecoveries(commitment) : 0;
      const amountCents = !s.flag && claimable > 0 ? Math.max(1, Math.floor(claimable / 2)) : Math.ceil(s.amount / 20);
      const commitmentRef = commitment?.ref ?? ref;
      return [t, cmd('OrderRecovery', { commitmentRef, titleRef: `T-${requestId}`, amountCents, reason, ctx: c, requestId })];
    },
    collect: () => {
      // The accountant collects part or all of an outstanding title of the envelope (of any of its commitments).
      const st = w.states[t]!;
      const titled =
        st.status === 'none' ? [] : [...st.commitments].flatMap((x) => Object.entries(x.titles).map(([r, v]) => [x.ref, r, v] as const));
      const open = titled.find(([, , x]) => x.collectedCents < x.amountCents);
      const outstanding = open ? open[2].amountCents - open[2].collectedCents : 0;
      const amountCents = s.flag && outstanding > 1 ? Math.ceil(outstanding / 2) : outstanding || Math.ceil(s.amount / 20);
      const collector = s.ref > 0 ? { ...c, actor: { id: 'comptable', role: 'accountant' as const, scope: {} } } : c;
      const [commitmentRef, titleRef] = open ? [open[0], open[1]] : [ref, 'T-none'];
      return [t, cmd('CollectRecovery', { commitmentRef, titleRef, amountCents, ctx: collector, requestId })];
    },
    close: () => {
      const st = w.states[t]!;
      return st.status === 'none'
        ? undefined
        : [t, cmd('CloseYear', { year: st.status === 'open' ? st.currentYear : 0, ctx: c, requestId })];
    },
    split: () => [
      t,
      cmd('SetSplit', {
        split: s.flag ? { mode: 'hard', shares: { a: s.amount, b: 2 * s.amount } } : { mode: 'soft', shares: { a: s.amount, b: 1_000 } },
        ctx: c,
        requestId,
      }),
    ],
    retry: () => {
      const a = w.accepted[s.amount % Math.max(1, w.accepted.length)];
      return a && [a.target, a.command];
    },
    reuse: () => {
      const a = w.accepted[s.amount % Math.max(1, w.accepted.length)];
      return a && [a.target, { ...a.command, ctx: c, reason: `${i}` } as EnvelopeCommand];
    },
  };
  const picked = commands[s.op]();
  if (!picked) return undefined;
  const [target, command] = picked;
  const before = w.states[target];
  try {
    // The application's pre-check.
    if (command.type === 'AllocateToChild' && w.states[IDS.indexOf(command.childId as never)]!.status !== 'open') return undefined;
    const events = apply(w, target, command);
    if (s.op === 'retry') expect(events).toEqual([]);
    const first = events[0];
    if (first?.type === 'envelope.allocated_to_child') {
      const parentEventId = eventIdFor(command.requestId, 0, 'envelope-' + P);
      apply(
        w,
        IDS.indexOf(first.data.childId as never),
        cmd('ReceiveAllocation', {
          parentId: P,
          parentEventId,
          aeCents: first.data.aeCents,
          cpCents: first.data.cpCents,
          ctx: c,
          requestId: `allocation:${parentEventId}`,
        }),
      );
    }
    if (first?.type === 'envelope.transferred') {
      const to = IDS.indexOf(first.data.toId as never);
      if (w.states[to]!.status === 'open') {
        const sourceEventId = eventIdFor(command.requestId, 0, `envelope-${IDS[target]}`);
        apply(
          w,
          to,
          cmd('ReceiveTransfer', {
            fromId: IDS[target]!,
            parentId: P,
            sourceEventId,
            aeCents: first.data.aeCents,
            cpCents: 0,
            reason: first.data.reason,
            ctx: ctx('system'),
            requestId: `transfer:${sourceEventId}`,
          }),
        );
      }
    }
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(w.states[target]).toBe(before); // a refusal changes nothing
    if (s.op === 'reuse') expect(error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    return error;
  }
}

/** The balance rebuilt directly from the events, independently of evolve. */
function ledgerOf(events: EnvelopeEvent[]): Record<number, { ae: Flows; cp: Flows }> {
  const years: Record<number, { ae: Flows; cp: Flows }> = {};
  const at = (y: number) => (years[y] ??= { ae: emptyFlows(), cp: emptyFlows() });
  const commitYear: Record<string, number> = {};
  for (const e of events) {
    const d = e.data as unknown as Record<string, number> & { year: number };
    const pair = (field: keyof Flows, ae: number, cp: number) => {
      at(d.year).ae[field] += ae;
      at(d.year).cp[field] += cp;
    };
    if (e.type === 'envelope.opened') at(e.data.period.fromYear);
    if (e.type === 'envelope.credits_notified') pair('notified', d.aeCents!, d.cpCents!);
    if (e.type === 'envelope.credits_reduced') pair('reduced', d.aeCents!, d.cpCents!);
    if (e.type === 'envelope.allocated_to_child') pair('allocated', d.aeCents!, d.cpCents!);
    if (e.type === 'envelope.allocation_received') pair('received', d.aeCents!, d.cpCents!);
    if (e.type === 'envelope.transferred') pair('transferredOut', d.aeCents!, d.cpCents!);
    if (e.type === 'envelope.transfer_received') pair('transferredIn', d.aeCents!, d.cpCents!);
    if (e.type === 'envelope.committed') {
      pair('consumed', d.amountCents!, 0);
      commitYear[e.data.commitmentRef] = d.year;
    }
    if (e.type === 'envelope.commitment_released') pair('restored', d.amountCents!, 0);
    if (e.type === 'envelope.paid') pair('consumed', 0, d.amountCents!);
    if (e.type === 'envelope.recovered') pair('restored', 0, d.amountCents!);
    if (e.type === 'envelope.recovery_collected') {
      pair('restored', 0, d.restoredCents!);
      pair('receipts', 0, d.receiptCents!);
    }
    if (e.type === 'envelope.year_closed') {
      pair('carriedOut', e.data.aeCarriedCents, e.data.cpCarriedCents);
      pair('lapsed', e.data.aeLapsedCents, e.data.cpLapsedCents);
      if (e.data.nextYear !== null) {
        at(e.data.nextYear).ae.carriedIn += e.data.aeCarriedCents;
        at(e.data.nextYear).cp.carriedIn += e.data.cpCarriedCents;
      }
    }
  }
  return years;
}

/** What a spreadsheet SUM of the ledger's AE and CP columns gives, per exercise, for one envelope. */
function ledgerSums(events: EnvelopeEvent[]): Record<number, { ae: number; cp: number }> {
  const sums: Record<number, { ae: number; cp: number }> = {};
  for (const m of events.flatMap(ledgerMovementsOf)) {
    const y = (sums[m.year] ??= { ae: 0, cp: 0 });
    y.ae += m.aeDeltaCents;
    y.cp += m.cpDeltaCents;
  }
  return sums;
}

function checkWorld(w: World): void {
  w.states.forEach((state, i) => {
    expect(envelopeInvariantViolations(state)).toEqual([]);
    expect(state).toEqual(w.events[i]!.reduce(envelopeDecider.evolve, envelopeDecider.initialState()));
    const balance = envelopeBalance(state)!;
    const ledger = ledgerOf(w.events[i]!);
    expect(balance.years.map((y) => y.year)).toEqual(Object.keys(ledger).map(Number));
    for (const y of balance.years) {
      const l = ledger[y.year]!;
      expect([y.ae.committed, y.ae.released, y.cp.paid, y.cp.recovered, y.ae.allocated, y.cp.notified]).toEqual([
        l.ae.consumed,
        l.ae.restored,
        l.cp.consumed,
        l.cp.restored,
        l.ae.allocated,
        l.cp.notified,
      ]);
      expect([y.ae.available, y.cp.available]).toEqual([available(l.ae), available(l.cp)]);
      expect(y.ae.available).toBeGreaterThanOrEqual(0);
      expect(y.cp.available).toBeGreaterThanOrEqual(0);
    }
    // The ledger's sums mean something: per exercise, AE still free to commit and CP still free to pay.
    const sums = ledgerSums(w.events[i]!);
    expect(Object.keys(sums).every((year) => balance.years.some((y) => y.year === Number(year)))).toBe(true);
    for (const y of balance.years)
      expect([y.year, sums[y.year] ?? { ae: 0, cp: 0 }]).toEqual([y.year, { ae: y.ae.available, cp: y.cp.available }]);
    expect(Object.values(sums).reduce((t, s) => [t[0]! + s.ae, t[1]! + s.cp], [0, 0])).toEqual([
      balance.ae.available,
      balance.cp.available,
    ]);
  });
  const [parent, ...children] = w.states.map((s) => envelopeBalance(s)!);
  const received = children.reduce((t, c) => t + c.ae.received, 0);
  expect(received).toBe(parent!.ae.allocated); // every allocation completed: children's receipts = the parent's allocations
  expect(children.reduce((t, c) => t + c.ae.transferredIn, 0)).toBeLessThanOrEqual(children.reduce((t, c) => t + c.ae.transferredOut, 0));
}

describe('envelope properties', () => {
  it('keeps every invariant after every step of any command sequence, and every balance equals the fold of the events', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const w = openWorld();
        steps.forEach((s, i) => {
          run(w, s, i);
          checkWorld(w);
        });
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('reaches every operation (the generator is not only refusals)', () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 90 }), (steps) => {
        const w = openWorld();
        steps.forEach((s, i) => {
          const err = run(w, s, i);
          if (err) seen[`${s.op}:${err.code}`] = (seen[`${s.op}:${err.code}`] ?? 0) + 1;
        });
        for (const e of w.events.flat()) seen[e.type] = (seen[e.type] ?? 0) + 1;
      }),
      { numRuns: 100, seed: 42 },
    );
    console.log(`[funding property] events and refusals reached (op:code): ${JSON.stringify(seen)}`);
    for (const type of [
      'envelope.committed',
      'envelope.paid',
      'envelope.payment_ordered',
      'envelope.service_done',
      'envelope.allocation_received',
      'envelope.transfer_received',
      'envelope.commitment_released',
      'envelope.recovery_ordered',
      'envelope.recovery_collected',
      'envelope.year_closed',
      'envelope.credits_reduced',
      'envelope.split_exceeded',
    ]) {
      expect(seen[type] ?? 0).toBeGreaterThan(3);
    }
  });
});

import fc from 'fast-check';

/**
 * The random steps of the envelope property test. A step names an operation and some dice; the interpreter
 * (envelope.steps.ts) reads the model to aim it at something meaningful (an act not committed yet, an instalment with
 * room left, an unpaid order...), and `variant` makes some of them a refusal on purpose (wrong role, too much, the
 * certifier paying...).
 */
export const OPS = [
  'notify',
  'reduce',
  'allocate',
  'transfer',
  'act',
  'commit',
  'service',
  'order',
  'pay',
  'title',
  'collect',
  'release',
  /** AdjustCommitment to a signed amendment of the act: increase, reduction, extension, change of payee. */
  'amend',
  'close',
  'settle',
  'split',
  'retry',
  'reuse',
] as const;
export type Op = (typeof OPS)[number];

/** How often each operation comes (sequences must reach funded, committed, paid and closed states, not only refusals). */
const WEIGHTS: Record<Op, number> = {
  notify: 3,
  reduce: 1,
  allocate: 2,
  transfer: 1,
  act: 3,
  commit: 5,
  service: 6,
  order: 6,
  pay: 6,
  title: 3,
  collect: 3,
  release: 2,
  amend: 2,
  close: 3,
  settle: 4,
  split: 1,
  retry: 1,
  reuse: 1,
};

export const stepArbitrary = fc.record({
  op: fc.oneof(...OPS.map((op) => ({ arbitrary: fc.constant(op), weight: WEIGHTS[op] }))),
  /** The envelope aimed at (operations on a commitment go to the envelope that holds it). */
  target: fc.nat(2),
  /** Which candidate (act, commitment, instalment, order, title) among those the model offers. */
  pick: fc.nat(1_000),
  /** 0..2: a refusal on purpose (each operation says which); 3: part of what is possible; else all of it. */
  variant: fc.nat(9),
  /** Which finance agent acts (agent-1..3): the same person may later be asked to pay or collect. */
  who: fc.nat(2),
  /** Cents: notifications and acts scale from it. */
  amount: fc.oneof(
    { arbitrary: fc.integer({ min: 1_000, max: 20_000 }), weight: 3 },
    { arbitrary: fc.integer({ min: 20_000, max: 90_000 }), weight: 2 },
  ),
  percent: fc.integer({ min: 0, max: 100 }),
});
export type Step = typeof stepArbitrary extends fc.Arbitrary<infer T> ? T : never;

import type { Step } from './envelope.generator.js';

/**
 * Defects of the decider the envelope property test found (issue 15's amendments), each kept as its shrunk
 * counterexample: replayed with every check and no tolerance, each must now run clean.
 */
export const REGRESSIONS: { title: string; message: RegExp; steps: Step[] }[] = [
  {
    // AdjustCommitment's delta is the amended act's amount less the EJ's net commitment (committed − released): on an EJ
    // whose unused part was released, a reduction (200 € → 192 €) commits 192 € again; an increase re-commits what was released.
    title: 'a reduction amendment of an EJ whose unused part was released consumes AE',
    message: /a reduction releases AE, never consumes it/,
    steps: [
      { op: 'commit', target: 0, pick: 0, variant: 2, who: 0, amount: 20_000, percent: 4 },
      { op: 'release', target: 0, pick: 0, variant: 4, who: 0, amount: 20_000, percent: 4 },
      { op: 'amend', target: 0, pick: 109, variant: 4, who: 0, amount: 20_000, percent: 4 },
    ],
  },
  {
    // AdjustCommitment does not look at the envelope's split: an increase takes a key beyond its hard share (and past a
    // soft share it records no envelope.split_exceeded), which Commit refuses (ENVELOPE_SPLIT_EXCEEDED).
    title: 'an increase amendment goes beyond a hard split share',
    message: /hard split \S+ <= share/,
    steps: [
      { op: 'commit', target: 2, pick: 562, variant: 2, who: 0, amount: 1_000, percent: 4 },
      { op: 'split', target: 0, pick: 0, variant: 0, who: 0, amount: 20_000, percent: 4 },
      { op: 'amend', target: 0, pick: 0, variant: 2, who: 0, amount: 38_001, percent: 4 },
    ],
  },
  {
    // AdjustCommitment checks a reduction against the EJ's unused part in total, never instalment by instalment: an EJ that
    // follows its act's amendment late (the balance fully certified meanwhile, 98.00 €) takes a schedule whose balance
    // (97.99 €) is below what it certified. The awards lib cuts "never below their certified part", but as of its signing.
    title: 'an amended schedule below what an instalment already certified',
    message: /certified <= the schedule's amount/,
    steps: [
      { op: 'commit', target: 0, pick: 153, variant: 2, who: 0, amount: 20_000, percent: 4 },
      { op: 'amend', target: 0, pick: 785, variant: 2, who: 0, amount: 1_000, percent: 0 },
      { op: 'service', target: 0, pick: 3, variant: 4, who: 0, amount: 1_000, percent: 4 },
      { op: 'amend', target: 0, pick: 0, variant: 2, who: 0, amount: 1_000, percent: 4 },
    ],
  },
];

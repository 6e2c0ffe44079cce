import { expect } from '@jest/globals';
import { DomainError } from '#kernel';
import type { EnvelopeCommand } from '../src/index.js';
import { cmd } from './envelope.fixtures.js';
import type { Op, Step } from './envelope.generator.js';
import { carryCap, freeCp, newYear, unpaidOrdersOf } from './envelope.model.js';
import { IDS, type World, apply, completeAllocation, completeTransfer } from './envelope.world.js';
import {
  type Aimed,
  actor,
  collectCommand,
  commitCommand,
  orderCommand,
  payCommand,
  releaseCommand,
  serviceCommand,
  settleCommand,
  signAct,
  titleCommand,
} from './envelope.steps.chain.js';
import { amendCommand } from './envelope.steps.amend.js';

/** A year close: the current exercise (variant 0: the next one), a reason for unpaid orders mostly, a CP carry-over decision. */
function closeCommand(w: World, s: Step, requestId: string): Aimed {
  const m = w.models[s.target]!;
  const y = m.years[m.currentYear] ?? newYear(m.currentYear);
  const last = m.currentYear >= m.toYear;
  const cap = last ? 0 : carryCap(m.carryOver.cp, freeCp(y.cp), y.cp.notified - y.cp.reduced + y.cp.received);
  const reason = unpaidOrdersOf(m).length > 0 && s.percent >= 30 ? { unpaidOrdersReason: 'payés sur les CP de l’exercice suivant' } : {};
  // variant 1: above the cap (ENVELOPE_CARRY_OVER_ABOVE_CAP); 2, 3: a decision within it; else the cap
  const decision =
    s.variant === 1 ? { cpCarriedCents: cap + 1 } : s.variant <= 3 ? { cpCarriedCents: Math.floor((cap * s.percent) / 100) } : {};
  const year = s.variant === 0 ? m.currentYear + 1 : m.currentYear;
  return [s.target, cmd('CloseYear', { year, ...reason, ...(s.variant > 0 ? decision : {}), requestId, ctx: actor(s) })];
}

function commandOf(w: World, s: Step, i: number): Aimed | 'done' {
  const requestId = `step-${i}`;
  const c = actor(s);
  const t = s.target;
  const other = 1 + (s.who % 2);
  const reason = s.variant === 0 ? ' ' : 'motif';
  const commands: Record<Op, () => Aimed | 'done'> = {
    notify: () => [
      t,
      cmd('NotifyCredits', { aeCents: s.variant === 0 ? 0 : 3 * s.amount, cpCents: s.variant === 0 ? 0 : 3 * s.amount, ctx: c, requestId }),
    ],
    reduce: () => {
      const aeCents = s.variant === 1 ? 100_000_000 : Math.floor(s.amount / 4);
      return [t, cmd('ReduceCredits', { aeCents, cpCents: Math.floor(s.amount / 8), reason, ctx: c, requestId })];
    },
    allocate: () => {
      const aeCents = s.variant === 1 ? 100_000_000 : s.amount;
      completeAllocation(w, cmd('AllocateToChild', { childId: IDS[other]!, aeCents, cpCents: s.amount, ctx: c, requestId }));
      return 'done';
    },
    transfer: () => {
      const from = 1 + (t % 2);
      const fields = { toId: IDS[from === 1 ? 2 : 1]!, aeCents: Math.floor(s.amount / 2), cpCents: Math.floor(s.amount / 4), reason };
      completeTransfer(w, from, cmd('TransferToSibling', { ...fields, ctx: c, requestId }));
      return 'done';
    },
    act: () => {
      signAct(w, s, t, s.variant !== 0);
      return undefined;
    },
    commit: () => commitCommand(w, s, requestId),
    service: () => serviceCommand(w, s, requestId),
    order: () => orderCommand(w, s, requestId),
    pay: () => payCommand(w, s, requestId),
    title: () => titleCommand(w, s, requestId),
    collect: () => collectCommand(w, s, requestId),
    release: () => releaseCommand(w, s, requestId),
    amend: () => amendCommand(w, s, requestId),
    close: () => closeCommand(w, s, requestId),
    settle: () => settleCommand(w, s, requestId) ?? closeCommand(w, { ...s, variant: 9, percent: 100 }, requestId),
    split: () => {
      const split =
        s.variant < 3
          ? { mode: 'hard' as const, shares: { a: s.amount, b: 2 * s.amount } }
          : { mode: 'soft' as const, shares: { a: s.amount, b: 20_000 } };
      return [2, cmd('SetSplit', { split, ctx: c, requestId })];
    },
    retry: () => {
      const a = w.accepted[s.pick % Math.max(1, w.accepted.length)];
      return a && [a.target, a.command];
    },
    reuse: () => {
      const a = w.accepted[s.pick % Math.max(1, w.accepted.length)];
      return a && [a.target, { ...a.command, ctx: c, reason: `${i}` } as EnvelopeCommand];
    },
  };
  return commands[s.op]();
}

/**
 * Runs one random step as the application would; returns the refusal, if any. A refusal changes nothing: the state is
 * the same object, no event is appended (and the model, fed by events only, stays as it was).
 */
export function runStep(w: World, s: Step, i: number): DomainError | undefined {
  const counts = w.events.map((e) => e.length);
  const before = [...w.states];
  try {
    const aimed = commandOf(w, s, i);
    if (aimed === undefined || aimed === 'done') return undefined;
    const events = apply(w, aimed[0], aimed[1]);
    if (s.op === 'retry' && events.length > 0) expect(events).toEqual([]);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // allocations and transfers refuse on their first half: nothing at all was written
    // (expect only on a failure: it costs a stack trace a call, and this runs on every refusal)
    const changed = IDS.filter((_, k) => w.states[k] !== before[k] || w.events[k]!.length !== counts[k]);
    if (changed.length > 0) expect({ refusal: error.code, changed }).toEqual({ refusal: error.code, changed: [] });
    if (s.op === 'reuse' && error.code !== 'IDEMPOTENCY_KEY_REUSED') expect(error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    return error;
  }
}

import type { CommandContext } from '#kernel';
import type { EnvelopeCommand } from '../src/index.js';
import { NOW, cmd, ctx } from './envelope.fixtures.js';
import type { Step } from './envelope.generator.js';
import {
  type CommitmentModel,
  type EnvelopeModel,
  type LineModel,
  freeCp,
  outstandingOf,
  paidOf,
  unusedOfModel,
} from './envelope.model.js';
import { type Act, IDS, type World } from './envelope.world.js';

/** The spending chain's steps: award acts, commitments, service fait, orders, payments, recoveries, releases. */
export type Aimed = [number, EnvelopeCommand] | undefined;

export const agent = (k: number, role: 'finance' | 'accountant' = 'finance', id = `agent-${k + 1}`): CommandContext => ({
  actor: { id, role, scope: {} },
  now: NOW,
});
/** Who receives the money of the acts. */
export const PAYEE = { organisationId: '550999908', name: 'MSP de Spincourt', siret: '55099990800019' };
/** The public accountant: never certifies, never orders, never issues a title. */
export const COMPTABLE = agent(0, 'accountant', 'comptable');
/** A finance agent, or (4 % of the steps) someone whose role may not do it. */
export const actor = (s: Step): CommandContext => (s.percent < 4 ? ctx('validator') : agent(s.who));
/** `cents` in part (variant 3: `percent` of it, at least a cent) or all of it. */
export const partOf = (s: Step, cents: number): number => (s.variant === 3 ? Math.max(1, Math.floor((cents * s.percent) / 100)) : cents);

export const pickOf = <T>(list: readonly T[], s: Step): T | undefined => list[s.pick % Math.max(1, list.length)];

interface Candidate<T> {
  at: number;
  m: EnvelopeModel;
  c: CommitmentModel;
  x: T;
}
/** What the open envelopes' models offer (commitments, lines, orders, titles), aimed at the step's envelope first. */
export function candidates<T>(w: World, s: Step, of: (c: CommitmentModel, m: EnvelopeModel) => T[]): Candidate<T>[] {
  const all = w.models.flatMap((m, at) =>
    m.status === 'open' ? Object.values(m.commitments).flatMap((c) => of(c, m).map((x) => ({ at, m, c, x }))) : [],
  );
  const here = all.filter((k) => k.at === s.target);
  return here.length > 0 && s.pick % 3 > 0 ? here : all;
}

const lines = (c: CommitmentModel) => Object.entries(c.lines).map(([n, l]) => [Number(n), l] as [number, LineModel]);
const serviceRoom = (c: CommitmentModel, l: LineModel) => Math.min(unusedOfModel(c), l.cap === null ? Infinity : l.cap - l.certified);

/** An award act signed on the step's envelope (variant 0 of the act step: not fully signed yet), with a schedule mostly. */
export function signAct(w: World, s: Step, envelope = s.target, signed = true): Act {
  const advance = Math.floor((s.amount * (20 + (s.pick % 61))) / 100);
  const schedule =
    s.pick % 8 === 0
      ? []
      : [
          { number: 1, kind: 'avance', amountCents: advance },
          { number: 2, kind: 'solde', amountCents: s.amount - advance },
        ];
  const n = w.acts.length + 1;
  const act = { actId: `ACT-${n}`, projectId: `PRJ-${n}`, envelope, amount: s.amount, schedule, signed, amendments: 0 };
  w.acts.push(act);
  return act;
}

export function commitCommand(w: World, s: Step, requestId: string): Aimed {
  const free = w.acts.filter((a) => w.models[a.envelope]!.status === 'open' && !w.models[a.envelope]!.commitments[a.actId]);
  let act = pickOf(free, s) ?? signAct(w, s);
  let on = act.envelope;
  if (s.variant === 0) {
    const taken = w.acts.filter((a) => w.models[a.envelope]!.commitments[a.actId]);
    if (taken.length > 0 && s.pick % 2 === 0)
      act = pickOf(taken, s)!; // ENVELOPE_COMMITMENT_EXISTS
    else on = (on + 1) % IDS.length; // ENVELOPE_AWARD_ACT_OTHER_ENVELOPE
  }
  const m = w.models[on]!;
  const ejNumber = s.variant === 2 && m.ejNumbers.length > 0 ? pickOf(m.ejNumbers, s)! : `EJ-${act.actId}`;
  const amountCents = s.variant === 1 ? act.amount + 1 : partOf(s, act.amount);
  const schedule = act.schedule.length > 0 ? act.schedule.map((x) => ({ ...x })) : undefined;
  const signedAct = { actId: act.actId, projectId: act.projectId, envelopeId: IDS[act.envelope]!, amountCents: act.amount };
  const fields = { commitmentRef: act.actId, projectId: act.projectId, amountCents, ejNumber, requestId, ctx: actor(s) };
  const splitKey = m.split ? ([null, 'a', 'b'] as const)[s.pick % 3] : null;
  return [on, cmd('Commit', { ...fields, splitKey, act: { ...signedAct, fullySigned: act.signed, payee: PAYEE, schedule } })];
}

export function serviceCommand(w: World, s: Step, requestId: string): Aimed {
  const k = pickOf(
    candidates(w, s, (c) => lines(c).filter(([, l]) => serviceRoom(c, l) > 0)),
    s,
  );
  if (!k) return undefined;
  const [number, line] = k.x;
  const room = serviceRoom(k.c, line);
  const amountCents = s.variant === 0 ? room + 1 : partOf(s, room);
  const instalment = s.variant === 1 ? 7 : number;
  const fields = { commitmentRef: k.c.ref, amountCents, instalment, reference: 'PV de service fait', requestId };
  return [k.at, cmd('RecordServiceDone', { ...fields, ctx: actor(s) })];
}

export function orderCommand(w: World, s: Step, requestId: string): Aimed {
  const k = pickOf(
    candidates(w, s, (c) => lines(c).filter(([, l]) => l.certified > l.ordered)),
    s,
  );
  if (!k) return undefined;
  const [instalment, line] = k.x;
  const orderable = line.certified - line.ordered;
  const amountCents = s.variant === 0 ? orderable + 1 : partOf(s, orderable);
  const known = Object.keys(k.c.orders);
  const orderRef = s.variant === 1 && known.length > 0 ? pickOf(known, s)! : `DP-${requestId}`;
  return [k.at, cmd('OrderPayment', { commitmentRef: k.c.ref, amountCents, instalment, orderRef, requestId, ctx: actor(s) })];
}

export function payCommand(w: World, s: Step, requestId: string): Aimed {
  const orders = (paid: boolean) => candidates(w, s, (c) => Object.entries(c.orders).filter(([, o]) => (o.paidBy !== null) === paid));
  const k = s.variant === 2 ? (pickOf(orders(true), s) ?? pickOf(orders(false), s)) : pickOf(orders(false), s);
  if (!k) return undefined;
  const [orderRef, order] = k.x;
  const involved = [order.orderedBy, ...(k.c.lines[order.instalment]?.certifiedBy ?? [])];
  // variant 0: who ordered or certified, as an accountant (SEPARATION_OF_DUTIES); 1: a finance agent; 4: another agent
  const payer = [agent(0, 'accountant', pickOf(involved, s)), agent(s.who), COMPTABLE, COMPTABLE, agent(s.who, 'accountant')];
  return [k.at, cmd('PayInstalment', { commitmentRef: k.c.ref, orderRef, requestId, ctx: payer[s.variant] ?? COMPTABLE })];
}

export function titleCommand(w: World, s: Step, requestId: string): Aimed {
  const claimable = (c: CommitmentModel) => paidOf(c) - c.recovered - outstandingOf(c);
  const k = pickOf(
    candidates(w, s, (c) => (claimable(c) > 0 ? [claimable(c)] : [])),
    s,
  );
  if (!k) return undefined;
  const amountCents = s.variant === 0 ? k.x + 1 : s.variant === 9 ? k.x : Math.max(1, Math.floor((k.x * s.percent) / 100));
  const reason = s.variant === 1 ? ' ' : 'trop-perçu';
  return [
    k.at,
    cmd('OrderRecovery', { commitmentRef: k.c.ref, titleRef: `T-${requestId}`, amountCents, reason, requestId, ctx: actor(s) }),
  ];
}

export function collectCommand(w: World, s: Step, requestId: string): Aimed {
  const k = pickOf(
    candidates(w, s, (c) => Object.entries(c.titles).filter(([, t]) => t.collected < t.amount)),
    s,
  );
  if (!k) return undefined;
  const [titleRef, title] = k.x;
  const outstanding = title.amount - title.collected;
  const amountCents = s.variant === 0 ? outstanding + 1 : partOf(s, outstanding);
  // variant 1: the title's issuer as an accountant (SEPARATION_OF_DUTIES); 2: a finance agent (ENVELOPE_ROLE_FORBIDDEN)
  const collector = s.variant === 1 ? agent(0, 'accountant', title.orderedBy) : s.variant === 2 ? agent(s.who) : COMPTABLE;
  return [k.at, cmd('CollectRecovery', { commitmentRef: k.c.ref, titleRef, amountCents, requestId, ctx: collector })];
}

export function releaseCommand(w: World, s: Step, requestId: string): Aimed {
  const k = pickOf(
    candidates(w, s, (c) => ((s.variant === 1 ? unusedOfModel(c) === 0 : unusedOfModel(c) > 0) ? [unusedOfModel(c)] : [])),
    s,
  );
  if (!k) return undefined;
  const amount = s.variant === 0 ? { amountCents: k.x + 1 } : s.variant === 3 ? { amountCents: partOf(s, k.x) } : {};
  return [k.at, cmd('ReleaseCommitment', { commitmentRef: k.c.ref, reason: 'fin de l’opération', ...amount, requestId, ctx: actor(s) })];
}

/**
 * Winds an envelope up towards its last close: pays an unpaid order (notifying the CP it lacks), orders what is certified,
 * collects what titles claim, releases what is unused, one command a step; undefined when nothing is left to settle.
 */
export function settleCommand(w: World, s: Step, requestId: string): Aimed {
  const m = w.models[s.target]!;
  if (m.status !== 'open') return undefined;
  const all = Object.values(m.commitments);
  const free = freeCp(m.years[m.currentYear]!.cp);
  for (const c of all)
    for (const [orderRef, o] of Object.entries(c.orders)) {
      if (o.paidBy !== null) continue;
      if (o.amount <= free) return [s.target, cmd('PayInstalment', { commitmentRef: c.ref, orderRef, requestId, ctx: COMPTABLE })];
      return [s.target, cmd('NotifyCredits', { aeCents: 0, cpCents: o.amount - free, reason: 'restes à payer', requestId })];
    }
  for (const c of all)
    for (const [instalment, l] of lines(c))
      if (l.certified > l.ordered) {
        const fields = { commitmentRef: c.ref, instalment, amountCents: l.certified - l.ordered, orderRef: `DP-${requestId}`, requestId };
        return [s.target, cmd('OrderPayment', { ...fields, ctx: agent(s.who) })];
      }
  for (const c of all)
    for (const [titleRef, t] of Object.entries(c.titles))
      if (t.collected < t.amount) {
        const fields = { commitmentRef: c.ref, titleRef, amountCents: t.amount - t.collected, requestId };
        return [s.target, cmd('CollectRecovery', { ...fields, ctx: COMPTABLE })];
      }
  const unused = all.find((c) => unusedOfModel(c) > 0);
  return unused && [s.target, cmd('ReleaseCommitment', { commitmentRef: unused.ref, reason: 'solde de l’opération', requestId })];
}

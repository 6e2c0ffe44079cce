import { DomainError } from '#kernel';
import {
  type CommitmentAmendment,
  type EnvelopeCommand,
  type EnvelopeEvent,
  type EnvelopeState,
  commandFingerprint,
  envelopeDecider,
  eventIdFor,
  ledgerMovementsOf,
} from '../src/index.js';
import { cmd, ctx } from './envelope.fixtures.js';
import { type EnvelopeModel, openModel } from './envelope.model.js';
import { applyToModel } from './envelope.model.apply.js';

/** A parent (FIP national 2023–2025) and two children (académies) of the same period: three exercises each. */
export const P = 'fip-national-2023-2025';
export const IDS = [P, 'fip-academie-09-2023-2025', 'fip-academie-10-2023-2025'] as const;

/** A signed (or not yet fully signed) award act, as the acts' streams would give it to Commit and AdjustCommitment. */
export interface Act {
  actId: string;
  projectId: string;
  envelope: number;
  amount: number;
  /** The act's schedule (advance + balance; empty: an act not broken down, v1), as amended. */
  schedule: { number: number; kind: string; amountCents: number }[];
  signed: boolean;
  /** How many amendments (avenants) the authority signed, and the last one. */
  amendments: number;
  last?: CommitmentAmendment;
}

export interface World {
  states: EnvelopeState[];
  events: EnvelopeEvent[][];
  /** The independent model of each envelope, fed with the accepted events only. */
  models: EnvelopeModel[];
  /** Running SUM of the ledger rows' AE and CP columns, per envelope and exercise. */
  sums: Record<number, { ae: number; cp: number }>[];
  acts: Act[];
  accepted: { target: number; command: EnvelopeCommand }[];
  /** What the application's idempotency ledger knows: the fingerprint of each request accepted, per envelope. */
  requests: Map<string, string>;
}

/** As the application runs a command: a request id already accepted is answered from the ledger, not decided again. */
export function apply(w: World, target: number, command: EnvelopeCommand): EnvelopeEvent[] {
  const key = `${target}:${command.requestId}`;
  const seen = w.requests.get(key);
  if (seen !== undefined) {
    if (seen !== commandFingerprint(command)) throw new DomainError('conflict', 'IDEMPOTENCY_KEY_REUSED', 'clé déjà utilisée');
    return [];
  }
  const events = envelopeDecider.decide(command, w.states[target]!);
  for (const e of events) {
    w.states[target] = envelopeDecider.evolve(w.states[target]!, e);
    if (e.type === 'envelope.opened') w.models[target] = openModel(e);
    else applyToModel(w.models[target]!, e);
    for (const row of ledgerMovementsOf(e)) {
      const sum = (w.sums[target]![row.year] ??= { ae: 0, cp: 0 });
      [sum.ae, sum.cp] = [sum.ae + row.aeDeltaCents, sum.cp + row.cpDeltaCents];
    }
  }
  w.events[target]!.push(...events);
  if (events.length > 0) {
    w.accepted.push({ target, command });
    w.requests.set(key, commandFingerprint(command));
  }
  return events;
}

export function openWorld(): World {
  const w: World = {
    states: IDS.map(() => envelopeDecider.initialState()),
    events: IDS.map(() => []),
    models: [],
    sums: IDS.map(() => ({})),
    acts: [],
    accepted: [],
    requests: new Map(),
  };
  const period = { fromYear: 2023, toYear: 2025 };
  const admin = ctx('admin');
  apply(w, 0, cmd('OpenEnvelope', { fund: 'fip', territoryCode: 'national', period, ceilingCents: 4_000_000, ctx: admin }));
  const carryOver = { ae: { mode: 'percent' as const, percent: 50 }, cp: { mode: 'all' as const } };
  apply(w, 1, cmd('OpenEnvelope', { fund: 'fip', territoryCode: 'academie-09', period, parentId: P, carryOver }));
  const split = { mode: 'soft' as const, shares: { a: 50_000, b: 20_000 } };
  apply(w, 2, cmd('OpenEnvelope', { fund: 'fip', territoryCode: 'academie-10', period, parentId: P, split }));
  // a funded start (as in the seeds: notified nationally, then split over académies); the random steps go on from here
  apply(w, 0, cmd('NotifyCredits', { aeCents: 1_000_000, cpCents: 600_000, ctx: admin }));
  for (const child of [1, 2]) completeAllocation(w, cmd('AllocateToChild', { childId: IDS[child]!, aeCents: 200_000, cpCents: 150_000 }));
  return w;
}

/** Step 1 of an allocation on the parent and, when it is accepted, step 2 on the child (as application/allocate-to-child). */
export function completeAllocation(w: World, command: Extract<EnvelopeCommand, { type: 'AllocateToChild' }>): EnvelopeEvent[] {
  const child = IDS.indexOf(command.childId as never);
  if (w.states[child]!.status !== 'open') return []; // the application's pre-check
  const events = apply(w, 0, command);
  const first = events[0];
  if (first?.type !== 'envelope.allocated_to_child') return events;
  const parentEventId = eventIdFor(command.requestId, 0, `envelope-${P}`);
  const { aeCents, cpCents } = first.data;
  const requestId = `allocation:${parentEventId}`;
  apply(w, child, cmd('ReceiveAllocation', { parentId: P, parentEventId, aeCents, cpCents, ctx: ctx('system'), requestId }));
  return events;
}

/** Step 1 of a transfer on the source and step 2 on the target sibling, when it is open (as application/transfer). */
export function completeTransfer(w: World, from: number, command: Extract<EnvelopeCommand, { type: 'TransferToSibling' }>) {
  const events = apply(w, from, command);
  const first = events[0];
  const to = IDS.indexOf(command.toId as never);
  if (first?.type !== 'envelope.transferred' || w.states[to]!.status !== 'open') return events;
  const sourceEventId = eventIdFor(command.requestId, 0, `envelope-${IDS[from]}`);
  const { aeCents, cpCents, reason } = first.data;
  const fields = { fromId: IDS[from]!, parentId: P, sourceEventId, aeCents, cpCents, reason, requestId: `transfer:${sourceEventId}` };
  apply(w, to, cmd('ReceiveTransfer', { ...fields, ctx: ctx('system') }));
  return events;
}

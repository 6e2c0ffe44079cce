import type { Actor, CommandContext } from '#kernel';
import {
  type Commit,
  type EnvelopeCommand,
  type EnvelopeEvent,
  type EnvelopeState,
  commandFingerprint,
  envelopeDecider,
} from '../src/index.js';

/** Test fixtures (kept out of src/: they build dates). Figures come from /work/shared/seeds. */
export const NOW = new Date('2023-09-15T09:00:00.000Z');
export const LATER = new Date('2024-01-02T08:00:00.000Z');

export function ctx(role: Actor['role'] = 'finance', id = `user-${role}`): CommandContext {
  return { actor: { id, role, scope: {} }, now: NOW };
}

/** Whole euros to cents (test figures are whole euros). */
export const euros = (amount: number): number => amount * 100;

/** What an accepted command stamps on its events. */
export const stamp = (cmd: EnvelopeCommand) => ({ requestId: cmd.requestId, fingerprint: commandFingerprint(cmd) });

let counter = 0;
export const rid = (label = 'req') => `${label}-${++counter}`;

// Command builders (Omit on a union needs distribution).
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A commitment's act and EJ number may be left out: the fixture signs an act of the same amount on `on` (default HDF). */
type Fields<T extends EnvelopeCommand['type']> = T extends 'Commit'
  ? Without<Commit, 'type' | 'ctx' | 'requestId' | 'act' | 'ejNumber'> & Partial<Pick<Commit, 'act' | 'ejNumber'>> & { on?: string }
  : Without<Extract<EnvelopeCommand, { type: T }>, 'type' | 'ctx' | 'requestId'>;
export function cmd<T extends EnvelopeCommand['type']>(
  type: T,
  fields: Fields<T> & { ctx?: CommandContext; requestId?: string },
): Extract<EnvelopeCommand, { type: T }> {
  const command = { ctx: ctx(), requestId: rid(type), ...fields, type } as Record<string, unknown>;
  if (type === 'Commit') {
    const { on, ...commit } = command as unknown as Commit & { on?: string };
    return { ...signedActFor(commit, on ?? HDF), ...commit } as unknown as Extract<EnvelopeCommand, { type: T }>;
  }
  return command as unknown as Extract<EnvelopeCommand, { type: T }>;
}

/** The signed award act a commitment formalises (same reference, project and amount), and an EJ number. */
export function signedActFor(c: Pick<Commit, 'commitmentRef' | 'projectId' | 'amountCents'>, envelopeId: string) {
  return {
    act: {
      actId: c.commitmentRef,
      projectId: c.projectId,
      envelopeId,
      amountCents: c.amountCents,
      fullySigned: true,
      payee: { organisationId: '550999908', name: 'MSP de Spincourt', siret: '55099990800019' },
    },
    ejNumber: `EJ-${c.commitmentRef}`,
  };
}

/** FIR Hauts-de-France (INSEE région 32): €2.6M split indicatively over 6 CTS. */
export const HDF = 'fir-ars-32-2023-2024';
export const HDF_CTS = ['cts-32-1', 'cts-32-2', 'cts-32-3', 'cts-32-4', 'cts-32-5', 'cts-32-6'];
export const openHdf = (mode: 'soft' | 'hard' = 'soft') =>
  cmd('OpenEnvelope', {
    fund: 'fir',
    territoryCode: 'ars-32',
    period: { fromYear: 2023, toYear: 2024 },
    label: 'FIR CNR santé Hauts-de-France',
    split: { mode, shares: Object.fromEntries(HDF_CTS.map((k, i) => [k, i === 0 ? euros(600_000) : euros(400_000)])) },
  });

/** FIP national: €500M over 2023–2027, about €150M notified in 2023. */
export const FIP_NATIONAL = 'fip-national-2023-2027';
export const openFipNational = () =>
  cmd('OpenEnvelope', {
    fund: 'fip',
    territoryCode: 'national',
    period: { fromYear: 2023, toYear: 2027 },
    ceilingCents: euros(500_000_000),
    ctx: ctx('admin'),
  });
export const openAcademie = (code: string, parentId: string | null = FIP_NATIONAL) =>
  cmd('OpenEnvelope', {
    fund: 'fip',
    territoryCode: `academie-${code}`,
    period: { fromYear: 2023, toYear: 2023 },
    parentId,
  });

/** Runs commands through the decider, returning every event (throws like the decider). */
export function history(commands: EnvelopeCommand[], start: EnvelopeEvent[] = []): EnvelopeEvent[] {
  const events = [...start];
  let state = events.reduce(envelopeDecider.evolve, envelopeDecider.initialState());
  for (const c of commands) {
    for (const e of envelopeDecider.decide(c, state)) {
      events.push(e);
      state = envelopeDecider.evolve(state, e);
    }
  }
  return events;
}

export const foldEvents = (events: EnvelopeEvent[]): EnvelopeState => events.reduce(envelopeDecider.evolve, envelopeDecider.initialState());

let orders = 0;
/** Service fait certified and the payment ordered by finance: the order's reference, and the two commands. */
export function orderedThroughChain(commitmentRef: string, amountCents: number, finance = ctx()): [string, EnvelopeCommand[]] {
  const orderRef = `DP-${++orders}`;
  return [
    orderRef,
    [
      cmd('RecordServiceDone', { commitmentRef, amountCents, reference: 'PV de service fait', ctx: finance }),
      cmd('OrderPayment', { commitmentRef, amountCents, orderRef, ctx: finance }),
    ],
  ];
}

/** The chain's three steps, by two people: finance certifies and orders, the public accountant pays. */
export function paidThroughChain(commitmentRef: string, amountCents: number, finance = ctx()): EnvelopeCommand[] {
  const [orderRef, ordered] = orderedThroughChain(commitmentRef, amountCents, finance);
  return [...ordered, cmd('PayInstalment', { commitmentRef, orderRef, ctx: { ...ctx('accountant'), now: finance.now } })];
}

let titles = 0;
/** A recovery order issued by finance and collected in full by the public accountant. */
export function recoveredThroughTitle(
  commitmentRef: string,
  amountCents: number,
  reason = 'trop-perçu',
  finance = ctx(),
): EnvelopeCommand[] {
  const titleRef = `TP-${++titles}`;
  return [
    cmd('OrderRecovery', { commitmentRef, titleRef, amountCents, reason, ctx: finance }),
    cmd('CollectRecovery', { commitmentRef, titleRef, amountCents, ctx: { ...ctx('accountant'), now: finance.now } }),
  ];
}

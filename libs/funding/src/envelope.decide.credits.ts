import { DomainError, invalid } from '#kernel';
import { type Cents, addCents, assertCents, formatEuros } from './money.js';
import { type Fund, assertPeriod, envelopeId, isFund, parseEnvelopeId, periodLabel } from './envelope.id.js';
import type { NotifyCredits, OpenEnvelope, ReduceCredits, SetSplit } from './envelope.commands.js';
import type { CarryOverPolicy, CarryOverRule, EnvelopeEvent, SplitPolicy } from './envelope.events.js';
import { type EnvelopeState, type OpenedEnvelope, available, yearLedger } from './envelope.state.js';
import { MANAGERS, creditPair, insufficient, optionalText, requireOpen, requireReason, requireRole } from './envelope.guards.js';

export interface Stamp {
  requestId: string;
  fingerprint: string;
}

/**
 * The carry-over an envelope declares when its opening names none, by fund. FIP (State budget, LOLF art. 15): unused AE
 * carried, unused CP within 3 % of the year's credits, by decision at the close. FIR (an ARS's budget annex): what is not
 * spent stays in the fund, AE and CP carried to the next exercise.
 */
export const DEFAULT_CARRY_OVER: Record<Fund, CarryOverPolicy> = {
  fip: { ae: { mode: 'all' }, cp: { mode: 'percent', percent: 3 } },
  fir: { ae: { mode: 'all' }, cp: { mode: 'all' } },
};

export function decideOpen(cmd: OpenEnvelope, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, MANAGERS, 'open an envelope');
  if (state.status !== 'none') {
    throw new DomainError('conflict', 'ENVELOPE_ALREADY_OPENED', `L’enveloppe ${state.envelopeId} est déjà ouverte.`, {
      envelopeId: state.envelopeId,
      status: state.status,
    });
  }
  if (!isFund(cmd.fund)) throw invalid('ENVELOPE_INVALID_FUND', 'fund', 'fip or fir');
  const period = assertPeriod(cmd.period);
  const id = envelopeId(cmd.fund, cmd.territoryCode, period);
  const parentId = cmd.parentId ?? null;
  if (parentId !== null && (parseEnvelopeId(parentId)?.fund !== cmd.fund || parentId === id)) {
    throw invalid('ENVELOPE_INVALID_PARENT', 'parentId', 'another envelope id of the same fund');
  }
  const ceilingCents = cmd.ceilingCents == null ? null : assertCents(cmd.ceilingCents, 'ceilingCents');
  const label =
    optionalText(cmd.label, 'label') ?? `${cmd.fund.toUpperCase()} ${parseEnvelopeId(id)!.territoryCode} ${periodLabel(period)}`;
  return [
    {
      type: 'envelope.opened',
      data: {
        ...stamp,
        envelopeId: id,
        fund: cmd.fund,
        territoryCode: parseEnvelopeId(id)!.territoryCode,
        period,
        label,
        parentId,
        ceilingCents,
        carryOver: carryOverPolicy(cmd.carryOver ?? DEFAULT_CARRY_OVER[cmd.fund]),
        split: splitPolicy(cmd.split ?? null),
      },
    },
  ];
}

export function decideNotify(cmd: NotifyCredits, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, MANAGERS, 'notify credits');
  const s = requireOpen(state);
  const { aeCents, cpCents } = creditPair(cmd.aeCents, cmd.cpCents);
  if (s.ceilingCents !== null) {
    const notified = notifiedTotals(s);
    for (const [kind, total, amount] of [
      ['AE', notified.ae, aeCents],
      ['CP', notified.cp, cpCents],
    ] as const) {
      if (addCents(total, amount) > s.ceilingCents) {
        throw new DomainError(
          'conflict',
          'ENVELOPE_CEILING_EXCEEDED',
          `Les ${kind} notifiées dépasseraient le plafond de l’enveloppe ${s.envelopeId}.`,
          {
            kind,
            ceilingCents: s.ceilingCents,
            notifiedCents: total,
            requestedCents: amount,
            availableCents: s.ceilingCents - total,
          },
        );
      }
    }
  }
  const y = yearLedger(s);
  const kind = cmd.kind ?? (y.ae.notified + y.cp.notified === 0 ? 'notification' : 'increase');
  if (kind !== 'notification' && kind !== 'increase') throw invalid('ENVELOPE_INVALID_KIND', 'kind', 'notification or increase');
  return [
    {
      type: 'envelope.credits_notified',
      data: { ...stamp, year: s.currentYear, kind, aeCents, cpCents, reason: optionalText(cmd.reason, 'reason', 2000) },
    },
  ];
}

export function decideReduce(cmd: ReduceCredits, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, MANAGERS, 'reduce credits');
  const s = requireOpen(state);
  const reason = requireReason(cmd.reason);
  const { aeCents, cpCents } = creditPair(cmd.aeCents, cmd.cpCents);
  const y = yearLedger(s);
  for (const [kind, flows, amount] of [
    ['AE', y.ae, aeCents],
    ['CP', y.cp, cpCents],
  ] as const) {
    const notifiedNet = flows.notified - flows.reduced;
    if (amount > notifiedNet) {
      throw new DomainError(
        'conflict',
        'ENVELOPE_REDUCTION_EXCEEDS_NOTIFIED',
        `Impossible de réduire les ${kind} de ${s.currentYear} en dessous de ce qui a été notifié.`,
        {
          kind,
          year: s.currentYear,
          notifiedCents: notifiedNet,
          requestedCents: amount,
        },
      );
    }
    if (amount > available(flows)) throw insufficient(kind, s, available(flows), amount);
  }
  return [{ type: 'envelope.credits_reduced', data: { ...stamp, year: s.currentYear, aeCents, cpCents, reason } }];
}

export function decideSetSplit(cmd: SetSplit, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, MANAGERS, 'set the indicative split');
  const s = requireOpen(state);
  const split = splitPolicy(cmd.split ?? null);
  // a hard split is a limit from now on: it cannot start below what is already committed
  for (const [splitKey, shareCents] of Object.entries(split?.mode === 'hard' ? split.shares : {})) {
    const committedCents = s.splitCommitted[splitKey] ?? 0;
    if (committedCents > shareCents) {
      throw new DomainError(
        'conflict',
        'ENVELOPE_SPLIT_BELOW_COMMITTED',
        `La clé ${splitKey} porte déjà ${formatEuros(committedCents)} d’engagements.`,
        {
          splitKey,
          shareCents,
          committedCents,
        },
      );
    }
  }
  return [{ type: 'envelope.split_set', data: { ...stamp, split, reason: optionalText(cmd.reason, 'reason', 2000) } }];
}

export function notifiedTotals(s: OpenedEnvelope): { ae: Cents; cp: Cents } {
  let ae = 0;
  let cp = 0;
  for (const y of Object.values(s.years)) {
    ae += y.ae.notified - y.ae.reduced;
    cp += y.cp.notified - y.cp.reduced;
  }
  return { ae, cp };
}

function carryOverRule(rule: unknown, field: string): CarryOverRule {
  const r = rule as Partial<{ mode: string; percent: number }> | null;
  if (r?.mode === 'none' || r?.mode === 'all') return { mode: r.mode };
  if (r?.mode === 'percent' && Number.isInteger(r.percent) && r.percent! >= 0 && r.percent! <= 100)
    return { mode: 'percent', percent: r.percent! };
  throw invalid('ENVELOPE_INVALID_CARRY_OVER', field, "{ mode: 'none' | 'all' } or { mode: 'percent', percent: 0..100 }");
}

function carryOverPolicy(policy: CarryOverPolicy): CarryOverPolicy {
  return { ae: carryOverRule(policy?.ae, 'carryOver.ae'), cp: carryOverRule(policy?.cp, 'carryOver.cp') };
}

export function splitPolicy(split: SplitPolicy | null): SplitPolicy | null {
  if (split === null) return null;
  if (typeof split !== 'object' || typeof split.shares !== 'object' || split.shares === null) {
    throw invalid('ENVELOPE_INVALID_SPLIT', 'split', '{ mode, shares: { key: cents } }');
  }
  if (split.mode !== 'soft' && split.mode !== 'hard') throw invalid('ENVELOPE_INVALID_SPLIT', 'split.mode', 'soft or hard');
  const entries = Object.entries(split.shares ?? {});
  if (entries.length === 0) throw invalid('ENVELOPE_INVALID_SPLIT', 'split.shares', 'at least one share');
  const shares: Record<string, Cents> = {};
  for (const [key, cents] of entries) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(key))
      throw invalid('ENVELOPE_INVALID_SPLIT', 'split.shares', 'keys are territory codes');
    shares[key] = assertCents(cents, `split.shares.${key}`);
  }
  return { mode: split.mode, shares };
}

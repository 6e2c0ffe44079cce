import { type CommandContext, type Decider, DomainError, invalid } from '#kernel';
import type { DelegationAuthority, DelegationDelegate, DelegationEvent, DelegationTerritory } from './delegation.events.js';
import { assertCanManageDelegation, delegationNotFound } from './delegation.policy.js';
import { type DelegationState, evolveDelegation, initialDelegationState, lastDayOf } from './delegation.state.js';
import {
  checkActKinds,
  checkAuthority,
  checkDay,
  checkDelegate,
  checkDelegationId,
  checkTerritories,
  checkText,
  checkValidity,
} from './delegation.validation.js';
import { frenchDay } from './iso-day.js';

export interface GrantDelegation {
  type: 'GrantDelegation';
  delegationId: string;
  authority: DelegationAuthority;
  delegate: DelegationDelegate;
  territories: DelegationTerritory[];
  actKinds: string[];
  validFrom: string;
  /** Absent or null: open-ended, until revoked. */
  validUntil?: string | null;
  actReference: string;
  reason?: string;
  ctx: CommandContext;
}

/**
 * Ends the delegation on `endsOn` (inclusive), which may be before today: the end is recorded as the arrêté or the
 * departure from office dates it. Acts already signed under the delegation are not touched: they stay as recorded, with
 * the delegation they used; only acts signed from now on, dated after `endsOn`, are refused.
 */
export interface RevokeDelegation {
  type: 'RevokeDelegation';
  delegationId: string;
  endsOn: string;
  reason: string;
  ctx: CommandContext;
}

export type DelegationCommand = GrantDelegation | RevokeDelegation;

const recordedBy = (ctx: CommandContext) => ({ id: ctx.actor.id, role: ctx.actor.role });

function grant(c: GrantDelegation, s: DelegationState): DelegationEvent[] {
  const delegationId = checkDelegationId(c.delegationId);
  const authority = checkAuthority(c.authority);
  assertCanManageDelegation(c.ctx.actor, authority);
  if (s.delegation) {
    throw new DomainError('conflict', 'DELEGATION_EXISTS', `La délégation de signature ${delegationId} est déjà enregistrée.`, {
      delegationId,
    });
  }
  const delegate = checkDelegate(c.delegate, authority);
  const territories = checkTerritories(c.territories, authority, delegate);
  const actKinds = checkActKinds(c.actKinds);
  const { validFrom, validUntil } = checkValidity(c.validFrom, c.validUntil);
  const actReference = checkText('actReference', c.actReference, 5, 300);
  const reason = c.reason === undefined || c.reason.trim() === '' ? null : checkText('reason', c.reason, 1, 1000);
  const at = c.ctx.now.toISOString();
  const data = { delegationId, authority, delegate, territories, actKinds, validFrom, validUntil, actReference, reason };
  return [{ type: 'delegation.granted', data: { ...data, by: recordedBy(c.ctx), at } }];
}

function revoke(c: RevokeDelegation, s: DelegationState): DelegationEvent[] {
  const d = s.delegation;
  if (!d) throw delegationNotFound(c.delegationId);
  assertCanManageDelegation(c.ctx.actor, d.authority);
  const endsOn = checkDay('endsOn', c.endsOn);
  if (endsOn < d.validFrom) {
    throw invalid('DELEGATION_INVALID_FIELD', 'endsOn', 'not-before-validFrom', {
      detail: `La fin (${frenchDay(endsOn)}) ne peut précéder le début de la délégation (${frenchDay(d.validFrom)}).`,
      validFrom: d.validFrom,
    });
  }
  const last = lastDayOf(d);
  if (last !== null && endsOn >= last) {
    // A revocation only shortens: it never extends a delegation, nor repeats an end already recorded.
    throw new DomainError(
      'conflict',
      d.revocation ? 'DELEGATION_ALREADY_REVOKED' : 'DELEGATION_REVOCATION_NOT_EARLIER',
      `La délégation prend déjà fin le ${frenchDay(last)} : une révocation ne peut qu’avancer cette date.`,
      { delegationId: d.delegationId, lastDay: last, endsOn },
    );
  }
  const reason = checkText('reason', c.reason, 3, 1000);
  return [
    {
      type: 'delegation.revoked',
      data: { delegationId: d.delegationId, endsOn, reason, by: recordedBy(c.ctx), at: c.ctx.now.toISOString() },
    },
  ];
}

export function decideDelegation(c: DelegationCommand, s: DelegationState): DelegationEvent[] {
  if (s.unrecognisedEvents.length > 0) {
    const types = [...new Set(s.unrecognisedEvents)];
    throw new DomainError(
      'unavailable',
      'DELEGATION_UNKNOWN_EVENTS',
      `La délégation contient des événements que cette version ne connaît pas (${types.join(', ')}) : réessayez sur une instance à jour.`,
      { eventTypes: types },
    );
  }
  return c.type === 'GrantDelegation' ? grant(c, s) : revoke(c, s);
}

export const delegationDecider: Decider<DelegationCommand, DelegationEvent, DelegationState> = {
  decide: decideDelegation,
  evolve: evolveDelegation,
  initialState: initialDelegationState,
};

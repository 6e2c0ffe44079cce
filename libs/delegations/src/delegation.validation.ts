import { invalid } from '#kernel';
import { ACT_KINDS, type ActKind, isActKind } from './act-kinds.js';
import { AUTHORITY_RULES, DELEGATE_RULES, isAuthorityCapacity, isDelegateCapacity } from './capacities.js';
import type { DelegationAuthority, DelegationDelegate, DelegationTerritory } from './delegation.events.js';
import { knownTerritory, liesWithin, territoryPhrase } from './delegation.territory.js';
import { isIsoDay } from './iso-day.js';

const CODE = 'DELEGATION_INVALID_FIELD';
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
const MAX_TERRITORIES = 20;

export function checkDelegationId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) throw invalid(CODE, 'delegationId', 'id: letters, digits, - and _, at most 80');
  return id;
}

function checkPersonId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 100) throw invalid(CODE, field, 'length-1-100');
  return value.trim();
}

export function checkText(field: string, value: unknown, min: number, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < min || text.length > max) throw invalid(CODE, field, `length-${min}-${max}`);
  return text;
}

export function checkDay(field: string, value: unknown): string {
  if (!isIsoDay(value)) throw invalid(CODE, field, 'iso-day', { detail: `« ${field} » doit être une date AAAA-MM-JJ.` });
  return value;
}

/** The authority as stored: a recteur holds an académie, a DG ARS a région; the code must exist. */
export function checkAuthority(raw: DelegationAuthority): DelegationAuthority {
  const personId = checkPersonId('authority.personId', raw?.personId);
  if (!isAuthorityCapacity(raw.capacity)) throw invalid(CODE, 'authority.capacity', `one-of:${Object.keys(AUTHORITY_RULES).join('|')}`);
  const kind = AUTHORITY_RULES[raw.capacity].territory;
  if (raw.territory?.kind !== kind) throw invalid(CODE, 'authority.territory.kind', `must be ${kind} for ${raw.capacity}`);
  const territory = knownTerritory(raw.territory);
  if (!territory) throw invalid(CODE, 'authority.territory.code', `known-${kind}`);
  return { personId, capacity: raw.capacity, territory: { kind, code: territory.code } };
}

/** The delegate: a capacity the authority delegates to (an IA-DASEN for a recteur), someone other than the authority. */
export function checkDelegate(raw: DelegationDelegate, authority: DelegationAuthority): DelegationDelegate {
  const personId = checkPersonId('delegate.personId', raw?.personId);
  if (!isDelegateCapacity(raw.capacity)) {
    throw invalid(CODE, 'delegate.capacity', `one-of:${Object.keys(DELEGATE_RULES).join('|')}`);
  }
  if (DELEGATE_RULES[raw.capacity].of !== authority.capacity) {
    throw invalid(CODE, 'delegate.capacity', `delegate-of:${authority.capacity}`, {
      detail: `Un ${AUTHORITY_RULES[authority.capacity].label} ne délègue pas sa signature à un ${DELEGATE_RULES[raw.capacity].label}.`,
    });
  }
  if (personId === authority.personId) throw invalid(CODE, 'delegate.personId', 'not-the-authority');
  return { personId, capacity: raw.capacity };
}

/** The territories covered: known, of a kind the delegate's capacity covers, each within the authority's; duplicates dropped. */
export function checkTerritories(raw: unknown, authority: DelegationAuthority, delegate: DelegationDelegate): DelegationTerritory[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_TERRITORIES) {
    throw invalid(CODE, 'territories', `array-1-${MAX_TERRITORIES}`);
  }
  const kinds = DELEGATE_RULES[delegate.capacity].covers;
  const checked = (raw as DelegationTerritory[]).map((t, i) => {
    if (!kinds.includes(t?.kind)) throw invalid(CODE, `territories.${i}.kind`, `one-of:${kinds.join('|')}`);
    const territory = knownTerritory(t);
    if (!territory) throw invalid(CODE, `territories.${i}.code`, `known-${t.kind}`);
    if (!liesWithin(territory, authority.territory)) {
      throw invalid(CODE, `territories.${i}.code`, 'within-authority-territory', {
        detail: `${territoryPhrase(territory)} n’est pas dans ${territoryPhrase(authority.territory)}, territoire de l’autorité délégante.`,
      });
    }
    return territory;
  });
  return checked.filter((t, i) => checked.findIndex((o) => o.kind === t.kind && o.code === t.code) === i);
}

/** The kinds of act covered: a non-empty subset of the known kinds, stored once each in the list's order. */
export function checkActKinds(raw: unknown): ActKind[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalid(CODE, 'actKinds', 'non-empty');
  raw.forEach((k: unknown, i) => {
    if (!isActKind(k)) throw invalid(CODE, `actKinds.${i}`, `one-of:${ACT_KINDS.join('|')}`);
  });
  return ACT_KINDS.filter((k) => (raw as unknown[]).includes(k));
}

export function checkValidity(validFrom: unknown, validUntil: unknown): { validFrom: string; validUntil: string | null } {
  const from = checkDay('validFrom', validFrom);
  if (validUntil === undefined || validUntil === null) return { validFrom: from, validUntil: null };
  const until = checkDay('validUntil', validUntil);
  if (until < from) throw invalid(CODE, 'validUntil', 'not-before-validFrom', { validFrom: from, validUntil: until });
  return { validFrom: from, validUntil: until };
}

import { type Actor, DomainError } from '#kernel';
import { type Grant, SCOPE_KEYS } from './access.events.js';

/** Who a token (or a signed-in session) says the caller is, and in which habilitation they act. */
export interface ClaimedPrincipal {
  sub: string;
  role: Actor['role'];
  scope: Actor['scope'];
}

/** What the directory knows of a person when they act: their habilitations and the organisations they act for. */
export interface DirectoryFacts {
  grants: readonly Grant[];
  organisations: readonly string[];
}

const scopeCodes = (scope: Actor['scope']) => SCOPE_KEYS.flatMap((k) => (scope[k] ?? []).map((code) => ({ key: k, code })));

/** The codes of the claimed scope that no grant of the role covers. */
function uncovered(claimed: Actor['scope'], grants: readonly Grant[]): string[] {
  return scopeCodes(claimed)
    .filter(({ key, code }) => !grants.some((g) => (g.scope[key] ?? []).includes(code)))
    .map(({ key, code }) => `${key}:${code}`);
}

function unionScope(grants: readonly Grant[]): Actor['scope'] {
  const out: Actor['scope'] = {};
  for (const key of SCOPE_KEYS) {
    const codes = [...new Set(grants.flatMap((g) => g.scope[key] ?? []))].sort();
    if (codes.length > 0) out[key] = codes;
  }
  return out;
}

/**
 * The one rule turning a claimed principal into the actor every policy sees: the role must be granted to the person,
 * the claimed territory covered by those grants (none claimed: all they were granted), and the organisations they act
 * for are the directory's at this moment (a member removed acts for it no more, whatever their token says).
 */
export function actorFromDirectory(claimed: ClaimedPrincipal, facts: DirectoryFacts): Actor {
  const grants = facts.grants.filter((g) => g.role === claimed.role);
  if (grants.length === 0) {
    throw new DomainError(
      'forbidden',
      'ACCESS_NOT_GRANTED',
      `Aucune habilitation « ${claimed.role} » n’est enregistrée pour ${claimed.sub} dans l’annuaire.`,
      { personId: claimed.sub, role: claimed.role },
    );
  }
  const missing = uncovered(claimed.scope, grants);
  if (missing.length > 0) {
    throw new DomainError(
      'forbidden',
      'ACCESS_SCOPE_NOT_GRANTED',
      `L’habilitation « ${claimed.role} » de ${claimed.sub} ne couvre pas : ${missing.join(', ')}.`,
      { personId: claimed.sub, role: claimed.role, missing },
    );
  }
  const scope = scopeCodes(claimed.scope).length > 0 ? claimed.scope : unionScope(grants);
  const signing = grants.flatMap((g) => (g.capacity ? [{ capacity: g.capacity, scope: g.scope }] : []));
  return {
    id: claimed.sub,
    role: claimed.role,
    scope,
    organisations: [...facts.organisations],
    ...(signing.length > 0 ? { capacity: signing[0]!.capacity, signingCapacities: signing } : {}),
  };
}

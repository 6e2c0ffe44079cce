import { type Actor, DomainError, invalid } from '#kernel';
import { academieOfDepartement, findAcademie, findDepartement, findHealthTerritory, findRegion, regionOfDepartement } from '#territories';
import type { AgendaProject } from './session.commands.js';
import type { ScheduledSession, SessionKind, SessionProgram } from './session.state.js';

const CODE = 'COMMITTEE_INVALID_FIELD';

/** The program each kind of committee serves: the commissions the FIP (education), the CTS the FIR (health). */
export const PROGRAM_OF_KIND: Readonly<Record<SessionKind, SessionProgram>> = {
  commission_academique: 'education',
  commission_departementale: 'education',
  cts: 'health',
};

/** The session's territory code as stored, checked against its kind: académie, département, or CTS (or région). */
export function checkedTerritory(kind: SessionKind, raw: string): string {
  const code = String(raw ?? '')
    .trim()
    .toUpperCase();
  const found =
    kind === 'commission_academique'
      ? findAcademie(code)?.code
      : kind === 'commission_departementale'
        ? findDepartement(code)?.code
        : (findHealthTerritory(code)?.code ?? findRegion(code)?.code);
  const rule = { commission_academique: 'académie code', commission_departementale: 'département code', cts: 'CTS or région code' }[kind];
  if (!found) throw invalid(CODE, 'territory', rule);
  return found;
}

/** The région of a session's territory (the ARS's, the région académique's). */
function regionOf(s: Pick<ScheduledSession, 'kind' | 'territory'>): string | undefined {
  if (s.kind === 'commission_academique') return findAcademie(s.territory)?.regionCode;
  if (s.kind === 'commission_departementale') return regionOfDepartement(s.territory)?.code;
  return findHealthTerritory(s.territory)?.regionCode ?? s.territory;
}

/** Whether an actor's scope covers the session's territory (directly or through the académie or région containing it). */
export function scopeCovers(actor: Actor, s: Pick<ScheduledSession, 'kind' | 'territory'>): boolean {
  const { academies = [], departements = [], regions = [], cts = [] } = actor.scope;
  if (regions.includes(regionOf(s) ?? '')) return true;
  if (s.kind === 'commission_academique') return academies.includes(s.territory);
  if (s.kind === 'commission_departementale') {
    return departements.includes(s.territory) || academies.includes(academieOfDepartement(s.territory)?.code ?? '');
  }
  return cts.includes(s.territory);
}

/** Whether a project lies in the session's territory. */
export function projectInTerritory(s: Pick<ScheduledSession, 'kind' | 'territory'>, t: AgendaProject['territory']): boolean {
  if (s.kind === 'commission_academique') return t.academie === s.territory;
  if (s.kind === 'commission_departementale') return t.departement === s.territory;
  return t.cts === s.territory || t.region === s.territory;
}

/** The secretariat of a session: a validator of its territory, or an admin. */
export function canManageSession(actor: Actor, s: Pick<ScheduledSession, 'kind' | 'territory'>): void {
  if (actor.role === 'admin' || (actor.role === 'validator' && scopeCovers(actor, s))) return;
  throw new DomainError(
    'forbidden',
    'COMMITTEE_FORBIDDEN',
    'Seul le secrétariat de la commission (un instructeur de son territoire) ou un administrateur organise la séance.',
    { kind: s.kind, territory: s.territory },
  );
}

/** Who reads a session: national readers, its members, and the services of its territory. */
export function canReadSession(actor: Actor, s: ScheduledSession): boolean {
  if (actor.role === 'admin' || actor.role === 'auditor' || actor.role === 'system') return true;
  if (s.members.some((m) => m.personId === actor.id)) return true;
  return actor.role !== 'holder' && scopeCovers(actor, s);
}

/** The refusal every read and write gives for a session that does not exist, or that the reader may not see. */
export const sessionNotFound = (sessionId: string) =>
  new DomainError('not_found', 'COMMITTEE_SESSION_NOT_FOUND', `La séance ${sessionId} n’existe pas.`, { sessionId });

import type { Actor } from '#kernel';
import { parseEnvelopeId } from '#funding';
import type { Project } from '#projects';

const NATIONAL_ROLES: readonly Actor['role'][] = ['admin', 'auditor', 'system'];

/** The rule of GET /projects/:id (ProjectListQueries.visibilityClause): national roles all, holders their own, others their territory. */
export function canSeeProject(actor: Actor, project: Project): boolean {
  if (NATIONAL_ROLES.includes(actor.role)) return true;
  if (actor.role === 'holder') return project.declarant === actor.id;
  const t = project.content.territory;
  const within = (codes: string[] | undefined, code: string | undefined) => code !== undefined && (codes ?? []).includes(code);
  return (
    within(actor.scope.regions, t.region) ||
    within(actor.scope.academies, t.academie) ||
    within(actor.scope.departements, t.departement) ||
    within(actor.scope.cts, t.cts)
  );
}

/**
 * The same rule for envelopes, whose territory is in their id: 'academie-09' needs academies ∋ 09, 'ars-32' or
 * 'region-32' regions ∋ 32, 'departement-55' departements ∋ 55, 'cts-…' cts ∋ the code. National envelopes
 * and holders: national roles only.
 */
export function canSeeEnvelope(actor: Actor, envelopeId: string): boolean {
  if (NATIONAL_ROLES.includes(actor.role)) return true;
  if (actor.role === 'holder') return false;
  const parsed = parseEnvelopeId(envelopeId);
  if (!parsed) return false;
  const territory = parsed.territoryCode;
  const dash = territory.indexOf('-');
  if (dash < 0) return false;
  const kind = territory.slice(0, dash);
  const code = territory.slice(dash + 1).toUpperCase();
  const has = (codes: string[] | undefined, c: string) => (codes ?? []).some((x) => x.toUpperCase() === c);
  switch (kind) {
    case 'academie':
      return has(actor.scope.academies, code);
    case 'ars':
    case 'region':
      return has(actor.scope.regions, code);
    case 'departement':
      return has(actor.scope.departements, code);
    case 'cts':
      return has(actor.scope.cts, territory.toUpperCase()) || has(actor.scope.cts, code);
    default:
      return false;
  }
}

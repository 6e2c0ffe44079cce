import type { Actor } from '#kernel';
import { parseEnvelopeId } from '#funding';
import { NATIONAL_READERS, type Project, canReadProject } from '#projects';

const NATIONAL_ROLES: readonly Actor['role'][] = NATIONAL_READERS;

/** The project policy's read rule (libs/projects/src/project.policy.ts), for a folded project. */
export const canSeeProject = (actor: Actor, project: Project): boolean =>
  canReadProject(actor, { declarant: project.declarant, territory: project.content.territory });

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

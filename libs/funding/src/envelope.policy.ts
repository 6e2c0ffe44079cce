import { type Actor, DomainError } from '#kernel';
import { parseEnvelopeId } from './envelope.id.js';

/** Roles that see every envelope, national ones included. */
export const ENVELOPE_NATIONAL_READERS: readonly Actor['role'][] = ['admin', 'auditor', 'system'];

/** Where a project is, as the policy needs it (the project's territory codes). */
export interface ProjectTerritoryFacts {
  region?: string;
  academie?: string;
  departement?: string;
  cts?: string;
}

type ScopeKey = 'academies' | 'regions' | 'departements' | 'cts';

/** An envelope's territory code → the scope key and the code that must be in it ('academie-09' → academies ∋ 09). */
function territoryOf(envelopeId: string): { scope: ScopeKey; code: string; field: keyof ProjectTerritoryFacts } | 'national' | undefined {
  const parsed = parseEnvelopeId(envelopeId);
  if (!parsed) return undefined;
  const territory = parsed.territoryCode;
  if (territory === 'national') return 'national';
  const dash = territory.indexOf('-');
  if (dash < 0) return undefined;
  const kind = territory.slice(0, dash);
  const code = territory.slice(dash + 1).toUpperCase();
  switch (kind) {
    case 'academie':
      return { scope: 'academies', code, field: 'academie' };
    case 'ars':
    case 'region':
      return { scope: 'regions', code, field: 'region' };
    case 'departement':
      return { scope: 'departements', code, field: 'departement' };
    case 'cts':
      return { scope: 'cts', code: territory.toUpperCase(), field: 'cts' };
    default:
      return undefined;
  }
}

const has = (codes: readonly string[] | undefined, code: string) => (codes ?? []).some((c) => c.toUpperCase() === code);

/** Whether the actor's scope holds the envelope's territory (never a national envelope: no territory holds it). */
function inScope(actor: Actor, envelopeId: string): boolean {
  const t = territoryOf(envelopeId);
  if (t === undefined || t === 'national') return false;
  if (t.scope === 'cts') return has(actor.scope.cts, t.code) || has(actor.scope.cts, t.code.slice('CTS-'.length));
  return has(actor.scope[t.scope], t.code);
}

/**
 * Who may see an envelope — the one rule of GET /envelopes/:id, the list, the history and the ledger export: national roles
 * every envelope; holders none; the others the envelopes of a territory in their scope ('academie-09' needs academies ∋ 09,
 * 'ars-32' or 'region-32' regions ∋ 32, 'departement-55' departements ∋ 55, 'cts-…' cts ∋ the code), never national ones.
 */
export function canSeeEnvelope(actor: Actor, envelopeId: string): boolean {
  if (ENVELOPE_NATIONAL_READERS.includes(actor.role)) return true;
  if (actor.role === 'holder') return false;
  return inScope(actor, envelopeId);
}

/** Who may run commands on an envelope: admin and the funding process everywhere; finance only within its territory. */
export function canManageEnvelope(actor: Actor, envelopeId: string): boolean {
  if (actor.role === 'admin' || actor.role === 'system') return true;
  return actor.role === 'finance' && inScope(actor, envelopeId);
}

/** Who pays on an envelope: the public accountant of its territory (a role of its own: separation of duties). */
export function canPayOnEnvelope(actor: Actor, envelopeId: string): boolean {
  return actor.role === 'accountant' && inScope(actor, envelopeId);
}

/** The one refusal of a read of an envelope that was never opened (GET /envelopes/:id, its history). */
export const envelopeNotFound = (envelopeId: string) =>
  new DomainError('not_found', 'ENVELOPE_NOT_FOUND', `L’enveloppe ${envelopeId} n’existe pas.`, { envelopeId });

export function assertCanSeeEnvelope(actor: Actor, envelopeId: string): void {
  if (!canSeeEnvelope(actor, envelopeId)) {
    throw new DomainError('forbidden', 'ENVELOPE_OUT_OF_SCOPE', `L’enveloppe ${envelopeId} est hors de votre territoire.`, {
      envelopeId,
      role: actor.role,
    });
  }
}

export function assertCanManageEnvelope(actor: Actor, envelopeId: string): void {
  if (!canManageEnvelope(actor, envelopeId) && !canPayOnEnvelope(actor, envelopeId)) {
    throw new DomainError('forbidden', 'ENVELOPE_OUT_OF_SCOPE', `L’enveloppe ${envelopeId} est hors du territoire de ${actor.id}.`, {
      envelopeId,
      role: actor.role,
      scope: actor.scope,
    });
  }
}

/** Whether a project lies in the envelope's territory (a national envelope covers every project). */
export function projectInEnvelopeTerritory(envelopeId: string, project: ProjectTerritoryFacts): boolean {
  const t = territoryOf(envelopeId);
  if (t === 'national') return true;
  if (t === undefined) return false;
  const code = project[t.field];
  if (code === undefined) return false;
  return t.scope === 'cts' ? code.toUpperCase() === t.code || `CTS-${code.toUpperCase()}` === t.code : code.toUpperCase() === t.code;
}

/** The states in which a project can be committed to: validated, or already in financing (a further commitment). */
export const COMMITTABLE_PROJECT_STATUSES: readonly string[] = ['validated', 'financing'];

/** What a commitment needs to know of its project (undefined: no such project). */
export interface CommittableProjectFacts {
  status: string;
  territory: ProjectTerritoryFacts;
}

/** A commitment funds an existing project of the envelope's territory, validated or in financing. */
export function assertProjectCommittable(envelopeId: string, projectId: string, project: CommittableProjectFacts | undefined): void {
  if (!project) {
    throw new DomainError('not_found', 'PROJECT_NOT_FOUND', `Le projet ${projectId} n’existe pas : aucun engagement possible.`, {
      projectId,
      field: 'projectId',
      rule: 'an-existing-project',
    });
  }
  if (!projectInEnvelopeTerritory(envelopeId, project.territory)) {
    throw new DomainError(
      'forbidden',
      'ENVELOPE_PROJECT_OUT_OF_TERRITORY',
      `Le projet ${projectId} n’est pas dans le territoire de l’enveloppe ${envelopeId} : elle ne peut pas l’engager.`,
      { envelopeId, projectId, field: 'projectId', rule: 'project-in-envelope-territory' },
    );
  }
  if (!COMMITTABLE_PROJECT_STATUSES.includes(project.status)) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_PROJECT_NOT_COMMITTABLE',
      `Le projet ${projectId} est à l’état « ${project.status} » : seul un projet validé ou en financement peut être engagé.`,
      {
        projectId,
        projectStatus: project.status,
        allowed: COMMITTABLE_PROJECT_STATUSES,
        field: 'projectId',
        rule: 'project-validated-or-financing',
      },
    );
  }
}

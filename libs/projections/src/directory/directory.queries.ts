import type { Database } from 'better-sqlite3';
import type { DirectoryFacts, Grant, GrantedRole, OrganisationKind } from '#directory';

export interface OrganisationRow {
  organisationId: string;
  kind: OrganisationKind;
  identifier: { scheme: string; value: string };
  name: string;
  communeCode?: string;
  departementCode: string;
}

interface GrantRow {
  grant_id: string;
  role: string;
  scope: string;
  capacity: string | null;
}

/** The directory read model: what the resolver and the directory's lists read. */
export class DirectoryQueries {
  private readonly grants;
  private readonly organisations;
  private readonly list;
  private readonly declarants;

  constructor(db: Database) {
    this.grants = db.prepare<[string], GrantRow>('SELECT grant_id, role, scope, capacity FROM directory_grants WHERE person_id = ?');
    // Members of registered organisations; and, for a body never registered, whoever declared a project for it
    // (projects declared before the directory existed): registering it hands it over to its members.
    this.organisations = db.prepare<[string, string], { organisation_id: string }>(
      `SELECT organisation_id FROM directory_members WHERE person_id = ?
       UNION SELECT organisation_id FROM directory_declared_holders d WHERE d.person_id = ?
         AND NOT EXISTS (SELECT 1 FROM directory_organisations o WHERE o.id = d.organisation_id)
       ORDER BY organisation_id`,
    );
    this.declarants = db.prepare<[string], { person_id: string }>(
      'SELECT person_id FROM directory_declared_holders WHERE organisation_id = ? ORDER BY person_id',
    );
    this.list = db.prepare<[string, string, string, string, number, number], Record<string, string | null>>(
      `SELECT id, kind, scheme, identifier, name, commune, departement FROM directory_organisations
       WHERE (? = '' OR departement = ?) AND (? = '' OR kind = ?) ORDER BY id LIMIT ? OFFSET ?`,
    );
  }

  /** Who declared projects for a body not registered yet (projects declared before the directory existed). */
  declarantsOf(organisationId: string): string[] {
    return this.declarants.all(organisationId).map((r) => r.person_id);
  }

  factsOf(personId: string): DirectoryFacts {
    const grants: Grant[] = this.grants.all(personId).map((g) => ({
      grantId: g.grant_id,
      role: g.role as GrantedRole,
      scope: JSON.parse(g.scope) as Grant['scope'],
      ...(g.capacity ? { capacity: g.capacity } : {}),
    }));
    return { grants, organisations: this.organisations.all(personId, personId).map((r) => r.organisation_id) };
  }

  search(s: { departement?: string; kind?: string; page: number; pageSize: number }): OrganisationRow[] {
    const dep = s.departement ?? '';
    const kind = s.kind ?? '';
    return this.list.all(dep, dep, kind, kind, s.pageSize, (s.page - 1) * s.pageSize).map((r) => ({
      organisationId: r['id']!,
      kind: r['kind'] as OrganisationKind,
      identifier: { scheme: r['scheme']!, value: r['identifier']! },
      name: r['name']!,
      ...(r['commune'] ? { communeCode: r['commune'] } : {}),
      departementCode: r['departement']!,
    }));
  }
}

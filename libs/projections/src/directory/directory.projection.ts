import type { Database } from 'better-sqlite3';
import type { AccessEvent, OrganisationEvent } from '#directory';
import type { IntentionDeclaredData } from '#projects';
import type { Projection } from '../runner/projection.js';
import { perConnection } from '../shared/batch-state.js';

export const DIRECTORY = 'directory';

const HANDLED = [
  'access.granted',
  'access.revoked',
  'organisation.registered',
  'organisation.member_added',
  'organisation.member_removed',
  'organisation.payee_set',
  'project.intention_declared',
] as const;

/**
 * Who may do what, as the log says it: habilitations, organisations and their members, and (for projects declared before
 * organisations were registered) the holder each declarant acted for. The resolver reads it once caught up with the log.
 */
export const directoryProjection: Projection = {
  name: DIRECTORY,
  version: 1,
  handles: HANDLED,
  tables: ['directory_grants', 'directory_organisations', 'directory_members', 'directory_declared_holders'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}directory_grants" (
        person_id TEXT NOT NULL, grant_id TEXT NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL, capacity TEXT,
        PRIMARY KEY (person_id, grant_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS "${prefix}directory_organisations" (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, scheme TEXT NOT NULL, identifier TEXT NOT NULL, name TEXT NOT NULL,
        commune TEXT, departement TEXT NOT NULL, payee TEXT, registered_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS "${prefix}directory_organisations_dep" ON "${prefix}directory_organisations" (departement);
      CREATE TABLE IF NOT EXISTS "${prefix}directory_members" (
        person_id TEXT NOT NULL, organisation_id TEXT NOT NULL, since TEXT NOT NULL,
        PRIMARY KEY (person_id, organisation_id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS "${prefix}directory_members_org" ON "${prefix}directory_members" (organisation_id);
      CREATE TABLE IF NOT EXISTS "${prefix}directory_declared_holders" (
        person_id TEXT NOT NULL, organisation_id TEXT NOT NULL, PRIMARY KEY (person_id, organisation_id)) WITHOUT ROWID;`);
  },
  apply(db, event, prefix) {
    const s = statementsOf(db, prefix);
    const at = event.recordedAt.toISOString();
    if (event.type === 'project.intention_declared') {
      const d = event.data as IntentionDeclaredData;
      s.declared.run(d.declarant, d.holder.organisationId);
      return;
    }
    const e = { type: event.type, data: event.data } as AccessEvent | OrganisationEvent;
    switch (e.type) {
      case 'access.granted':
        s.grant.run(e.data.personId, e.data.grantId, e.data.role, JSON.stringify(e.data.scope), e.data.capacity ?? null);
        return;
      case 'access.revoked':
        s.revoke.run(e.data.personId, e.data.grantId);
        return;
      case 'organisation.registered': {
        const d = e.data;
        s.register.run(
          d.organisationId,
          d.kind,
          d.identifier.scheme,
          d.identifier.value,
          d.name,
          d.communeCode ?? null,
          d.departementCode,
          at,
        );
        return;
      }
      case 'organisation.member_added':
        s.join.run(e.data.personId, e.data.organisationId, at);
        return;
      case 'organisation.member_removed':
        s.leave.run(e.data.personId, e.data.organisationId);
        return;
      case 'organisation.payee_set':
        s.payee.run(JSON.stringify(e.data.payee), e.data.organisationId);
        return;
    }
  },
};

const statementsOf = perConnection((db: Database, p: string) => ({
  grant: db.prepare(`INSERT OR REPLACE INTO "${p}directory_grants" (person_id, grant_id, role, scope, capacity) VALUES (?, ?, ?, ?, ?)`),
  revoke: db.prepare(`DELETE FROM "${p}directory_grants" WHERE person_id = ? AND grant_id = ?`),
  register: db.prepare(`INSERT OR REPLACE INTO "${p}directory_organisations"
      (id, kind, scheme, identifier, name, commune, departement, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  join: db.prepare(`INSERT OR IGNORE INTO "${p}directory_members" (person_id, organisation_id, since) VALUES (?, ?, ?)`),
  leave: db.prepare(`DELETE FROM "${p}directory_members" WHERE person_id = ? AND organisation_id = ?`),
  payee: db.prepare(`UPDATE "${p}directory_organisations" SET payee = ? WHERE id = ?`),
  declared: db.prepare(`INSERT OR IGNORE INTO "${p}directory_declared_holders" (person_id, organisation_id) VALUES (?, ?)`),
}));

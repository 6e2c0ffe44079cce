import type { Database } from 'better-sqlite3';
import type { Actor } from '#kernel';
import { NATIONAL_READERS, type Project, READ_SCOPES } from '#projects';

export interface ProjectRow {
  state: Project;
  revision: bigint;
  position: bigint;
}

export interface ProjectSearch {
  program?: string;
  status?: string;
  /** Any territory code: région, académie, département or CTS. */
  territory?: string;
  /** Holder organisation id (UAI / FINESS). */
  holder?: string;
  /** Words of the title. */
  q?: string;
  page: number;
  pageSize: number;
}

/** The project policy's read rule (canReadProject) as SQL over the list's columns; a property test checks they agree. */
export function visibilityClause(actor: Actor): { sql: string; params: string[] } {
  if (NATIONAL_READERS.includes(actor.role)) return { sql: '1 = 1', params: [] };
  if (actor.role === 'holder') {
    const organisations = [...(actor.organisations ?? [])];
    if (organisations.length === 0) return { sql: '1 = 0', params: [] };
    const list = organisations.map(() => '?').join(', ');
    return { sql: `id IN (SELECT project_id FROM project_holders WHERE organisation_id IN (${list}))`, params: organisations };
  }
  const parts: string[] = [];
  const params: string[] = [];
  for (const { scope, field } of READ_SCOPES) {
    const codes = actor.scope[scope];
    if (!codes?.length) continue;
    parts.push(`${field} IN (${codes.map(() => '?').join(', ')})`);
    params.push(...codes);
  }
  return parts.length ? { sql: `(${parts.join(' OR ')})`, params } : { sql: '1 = 0', params: [] };
}

export class ProjectListQueries {
  constructor(private readonly db: Database) {}

  get(id: string): ProjectRow | undefined {
    const row = this.db.prepare('SELECT state, revision, position FROM projects WHERE id = ?').get(id) as
      { state: string; revision: number; position: number } | undefined;
    return row && { state: JSON.parse(row.state) as Project, revision: BigInt(row.revision), position: BigInt(row.position) };
  }

  /** The titles of the projects of `ids` the list holds (the ledger export's lookup), a few hundred ids a query. */
  titlesOf(ids: readonly string[]): Map<string, string> {
    const titles = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT id, title FROM projects WHERE id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as {
        id: string;
        title: string;
      }[];
      for (const r of rows) titles.set(r.id, r.title);
    }
    return titles;
  }

  canSee(actor: Actor, id: string): boolean {
    const v = visibilityClause(actor);
    return this.db.prepare(`SELECT 1 FROM projects WHERE id = ? AND ${v.sql}`).get(id, ...v.params) !== undefined;
  }

  search(actor: Actor, s: ProjectSearch): { items: Project[]; total: number } {
    const v = visibilityClause(actor);
    const where = [v.sql];
    const params: (string | number)[] = [...v.params];
    if (s.program) {
      where.push('program = ?');
      params.push(s.program);
    }
    if (s.status) {
      where.push('status = ?');
      params.push(s.status);
    }
    if (s.territory) {
      where.push('(region = ? OR academie = ? OR departement = ? OR cts = ?)');
      params.push(s.territory, s.territory, s.territory, s.territory);
    }
    if (s.holder) {
      where.push('holder_id = ?');
      params.push(s.holder);
    }
    if (s.q) {
      where.push("title LIKE ? ESCAPE '\\'");
      params.push(`%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const clause = where.join(' AND ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM projects WHERE ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT state FROM projects WHERE ${clause} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`)
      .all(...params, s.pageSize, (s.page - 1) * s.pageSize) as { state: string }[];
    return { items: rows.map((r) => JSON.parse(r.state) as Project), total };
  }
}

import type { Database } from 'better-sqlite3';

export interface DecisionRow {
  position: string;
  command: string;
  from: string;
  to: string;
  at: string;
  program: string;
  region: string;
  academie: string | null;
  departement: string;
  grantedCents: number | null;
  /** Only with `details` (a token): the project, the motivation and who decided. */
  projectId?: string;
  title?: string;
  reason?: string | null;
  by?: { id: string; role: string };
}

export class DecisionQueries {
  constructor(private readonly db: Database) {}

  /** The latest decisions, newest first. Without `details` they carry no project identity nor motivation. */
  recent(limit: number, details: boolean, program?: string): DecisionRow[] {
    const rows = this.db
      .prepare(
        `SELECT d.*, p.program, p.title, p.region, p.academie, p.departement FROM decisions d
      JOIN decision_projects p ON p.id = d.project_id ${program ? 'WHERE p.program = ?' : ''}
      ORDER BY d.position DESC LIMIT ?`,
      )
      .all(...(program ? [program] : []), limit) as Record<string, any>[];
    return rows.map((r) => ({
      position: String(r['position']),
      command: r['command'],
      from: r['from_state'],
      to: r['to_state'],
      at: r['at'],
      program: r['program'],
      region: r['region'],
      academie: r['academie'] || null,
      departement: r['departement'],
      grantedCents: r['granted_cents'],
      ...(details
        ? { projectId: r['project_id'], title: r['title'], reason: r['reason'], by: { id: r['by_id'], role: r['by_role'] } }
        : {}),
    }));
  }
}

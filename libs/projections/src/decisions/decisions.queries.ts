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

  /**
   * The latest decisions, newest first. Only those `details` admits (a caller who may read the project: the project policy)
   * carry the project's identity, the motivation and who decided; the others only their figures.
   */
  recent(limit: number, details: (projectId: string) => boolean, program?: string): DecisionRow[] {
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
      ...(details(String(r['project_id']))
        ? { projectId: r['project_id'], title: r['title'], reason: r['reason'], by: { id: r['by_id'], role: r['by_role'] } }
        : {}),
    }));
  }
}

export interface SignedDecisionRow {
  position: string;
  projectId: string;
  title: string;
  command: string;
  to: string;
  at: string;
  signatory: string;
  capacity: string;
  grantedCents: number | null;
  sessionId: string | null;
  departureReason: string | null;
}

/** Every decision signed under a delegation of signature, in log order (what an auditor checks the delegation against). */
export function decisionsUnderDelegation(db: Database, delegationId: string): SignedDecisionRow[] {
  const rows = db
    .prepare(
      `SELECT d.*, p.title FROM decisions d JOIN decision_projects p ON p.id = d.project_id
       WHERE d.delegation_id = ? ORDER BY d.position`,
    )
    .all(delegationId) as Record<string, any>[];
  return rows.map((r) => ({
    position: String(r['position']),
    projectId: r['project_id'],
    title: r['title'],
    command: r['command'],
    to: r['to_state'],
    at: r['at'],
    signatory: r['by_id'],
    capacity: r['capacity'],
    grantedCents: r['granted_cents'],
    sessionId: r['session_id'],
    departureReason: r['departure_reason'],
  }));
}

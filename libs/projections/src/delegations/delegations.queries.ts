import type { Database } from 'better-sqlite3';
import type { Delegation } from '#delegations';

export interface DelegationFilters {
  delegate?: string;
  authority?: string;
  /** 'YYYY-MM-DD': only the delegations in force that day (inclusive bounds). */
  activeOn?: string;
}

export class DelegationListQueries {
  constructor(private readonly db: Database) {}

  /** The delegations matching every filter given, latest first (validFrom, then id). */
  list(filters: DelegationFilters): Delegation[] {
    const where: string[] = [];
    const values: string[] = [];
    if (filters.delegate !== undefined) {
      where.push('delegate_id = ?');
      values.push(filters.delegate);
    }
    if (filters.authority !== undefined) {
      where.push('authority_id = ?');
      values.push(filters.authority);
    }
    if (filters.activeOn !== undefined) {
      where.push('valid_from <= ? AND (last_day IS NULL OR last_day >= ?)');
      values.push(filters.activeOn, filters.activeOn);
    }
    const rows = this.db
      .prepare(
        `SELECT delegation FROM delegation_list ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY valid_from DESC, delegation_id`,
      )
      .all(...values) as Record<string, any>[];
    return rows.map((r) => JSON.parse(r['delegation']) as Delegation);
  }
}

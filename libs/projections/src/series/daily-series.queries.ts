import type { Database } from 'better-sqlite3';

export interface SeriesPoint {
  day: string;
  scope: string;
  metric: string;
  count: number;
  amountCents: number;
}

export class DailySeriesQueries {
  constructor(private readonly db: Database) {}

  /** Points from `from` to `to` (inclusive 'YYYY-MM-DD'), oldest first; days without activity are absent. */
  points(filter: { from?: string; to?: string; scope?: string } = {}): SeriesPoint[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.from) {
      where.push('day >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('day <= ?');
      params.push(filter.to);
    }
    if (filter.scope) {
      where.push('scope = ?');
      params.push(filter.scope);
    }
    return this.db
      .prepare(
        `SELECT day, scope, metric, count, amount_cents AS amountCents FROM daily_series
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY day, scope, metric`,
      )
      .all(...params) as SeriesPoint[];
  }
}

import type { Database, Statement } from 'better-sqlite3';

const MAX_CACHED = 32;

/**
 * One SELECT prepared once per LIMIT, the LIMIT written as a literal. A bound `LIMIT ?` is a
 * parameter SQLite's planner looks at, so every new binding expires the statement and the next
 * run re-prepares it: ~20 µs per readStream here (bench/README.md), more than the read itself.
 * Callers use few distinct limits (none, 1, page sizes); the cache is dropped if that ever changes.
 */
export class LimitedStatements<P extends unknown[], R> {
  private readonly byLimit = new Map<number, Statement<P, R>>();
  private unlimited: Statement<P, R> | undefined;

  /** `sql` without its LIMIT clause; `raw` statements return rows as arrays. */
  constructor(
    private readonly db: Database,
    private readonly sql: string,
    private readonly raw = true,
  ) {}

  /** `limit` undefined, negative or beyond a safe integer reads every row. */
  for(limit: number | undefined): Statement<P, R> {
    if (limit === undefined || limit < 0 || !Number.isSafeInteger(Math.floor(limit)) || limit >= Number.MAX_SAFE_INTEGER) {
      return (this.unlimited ??= this.prepare(this.sql));
    }
    const n = Math.floor(limit);
    let statement = this.byLimit.get(n);
    if (!statement) {
      if (this.byLimit.size >= MAX_CACHED) this.byLimit.clear();
      statement = this.prepare(`${this.sql} LIMIT ${n}`);
      this.byLimit.set(n, statement);
    }
    return statement;
  }

  private prepare(sql: string): Statement<P, R> {
    const statement = this.db.prepare<P, R>(sql);
    return this.raw ? statement.raw(true) : statement;
  }
}

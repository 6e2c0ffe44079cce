import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { LimitedStatements } from './limited-statements.js';

function table(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
  for (let n = 1; n <= 50; n++) insert.run(n);
  return db;
}

describe('SELECTs prepared once per LIMIT, written as a literal', () => {
  it('writes the LIMIT into the SQL, never as a bound parameter (a bound LIMIT re-prepares on every run)', () => {
    const s = new LimitedStatements<[number], [number]>(table(), 'SELECT n FROM t WHERE n >= ? ORDER BY n');
    expect(s.for(5).source).toBe('SELECT n FROM t WHERE n >= ? ORDER BY n LIMIT 5');
    expect(s.for(undefined).source).toBe('SELECT n FROM t WHERE n >= ? ORDER BY n');
    expect(s.for(5)).toBe(s.for(5));
  });

  it('reads what LIMIT n reads: none for 0, every row for undefined, negative or unsafe limits', () => {
    const s = new LimitedStatements<[number], [number]>(table(), 'SELECT n FROM t WHERE n >= ? ORDER BY n');
    expect(s.for(3).all(10)).toEqual([[10], [11], [12]]);
    expect(s.for(0).all(1)).toEqual([]);
    expect(s.for(2.7).all(1)).toEqual([[1], [2]]);
    for (const unbounded of [undefined, -1, Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(s.for(unbounded).all(41)).toHaveLength(10);
    }
  });

  it('stays right when callers use more distinct limits than it keeps', () => {
    const s = new LimitedStatements<[number], { n: number }>(table(), 'SELECT n FROM t WHERE n >= ? ORDER BY n', false);
    for (let limit = 1; limit <= 50; limit++) expect(s.for(limit).all(1)).toHaveLength(limit);
    expect(s.for(1).all(7)).toEqual([{ n: 7 }]);
  });
});

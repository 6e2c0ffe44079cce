import type { Database } from 'better-sqlite3';

export interface RowDifference {
  kind: 'only_in_live' | 'only_in_replay' | 'differs';
  /** Primary-key values (every column when the table has no primary key). */
  key: Record<string, unknown>;
  /** For 'differs': column → { live, replay }. */
  columns?: Record<string, { live: unknown; replay: unknown }>;
}

export interface TableComparison {
  table: string;
  identical: boolean;
  liveRows: number;
  replayRows: number;
  /** Rows of one side that the other does not hold (set difference, both ways). */
  onlyInLive: number;
  onlyInReplay: number;
  schemaDifference?: string;
  /** Up to `sampleSize` differences. */
  differences: RowDifference[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

/** Compares table `table` of schema `live` with the same table of `main` (the replay), in SQL (constant memory). */
export function compareTable(db: Database, table: string, sampleSize = 20): TableComparison {
  const liveCols = db.prepare(`PRAGMA live.table_info(${q(table)})`).all() as ColumnInfo[];
  const replayCols = db.prepare(`PRAGMA main.table_info(${q(table)})`).all() as ColumnInfo[];
  const count = (schema: string) => (db.prepare(`SELECT count(*) AS n FROM ${schema}.${q(table)}`).get() as { n: number }).n;
  const base = { table, differences: [] as RowDifference[], onlyInLive: 0, onlyInReplay: 0 };
  if (liveCols.length === 0 || replayCols.length === 0) {
    return {
      ...base,
      identical: liveCols.length === 0 && replayCols.length === 0,
      liveRows: liveCols.length ? count('live') : 0,
      replayRows: replayCols.length ? count('main') : 0,
      ...(liveCols.length !== replayCols.length
        ? { schemaDifference: `table missing in ${liveCols.length ? 'the replay' : 'the live read models'}` }
        : {}),
    };
  }
  const signature = (cols: ColumnInfo[]) => cols.map((c) => `${c.name} ${c.type}`).join(', ');
  if (signature(liveCols) !== signature(replayCols)) {
    return {
      ...base,
      identical: false,
      liveRows: count('live'),
      replayRows: count('main'),
      schemaDifference: `live (${signature(liveCols)}) ≠ replay (${signature(replayCols)})`,
    };
  }
  const cols = liveCols.map((c) => q(c.name)).join(', ');
  const except = (a: string, b: string) => `SELECT ${cols} FROM ${a}.${q(table)} EXCEPT SELECT ${cols} FROM ${b}.${q(table)}`;
  const countOf = (sql: string) => (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get() as { n: number }).n;
  const onlyInLive = countOf(except('live', 'main'));
  const onlyInReplay = countOf(except('main', 'live'));
  const liveRows = count('live');
  const replayRows = count('main');
  const keyCols = liveCols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const keys = (keyCols.length ? keyCols : liveCols).map((c) => c.name);
  const keyOf = (row: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, row[k]]));
  const lookup = (schema: string) =>
    db.prepare(`SELECT ${cols} FROM ${schema}.${q(table)} WHERE ${keys.map((k) => `${q(k)} IS ?`).join(' AND ')}`);
  const differences: RowDifference[] = [];
  const seen = new Set<string>();
  for (const row of db.prepare(`${except('live', 'main')} LIMIT ${sampleSize}`).all() as Record<string, unknown>[]) {
    const other = lookup('main').get(...keys.map((k) => row[k])) as Record<string, unknown> | undefined;
    seen.add(JSON.stringify(keyOf(row)));
    if (!other) {
      differences.push({ kind: 'only_in_live', key: keyOf(row) });
      continue;
    }
    const columns: RowDifference['columns'] = {};
    for (const c of liveCols) if (!Object.is(row[c.name], other[c.name])) columns[c.name] = { live: row[c.name], replay: other[c.name] };
    differences.push({ kind: 'differs', key: keyOf(row), columns });
  }
  for (const row of db.prepare(`${except('main', 'live')} LIMIT ${sampleSize}`).all() as Record<string, unknown>[]) {
    if (seen.has(JSON.stringify(keyOf(row)))) continue;
    const other = lookup('live').get(...keys.map((k) => row[k]));
    if (!other) differences.push({ kind: 'only_in_replay', key: keyOf(row) });
  }
  return {
    table,
    identical: onlyInLive === 0 && onlyInReplay === 0 && liveRows === replayRows,
    liveRows,
    replayRows,
    onlyInLive,
    onlyInReplay,
    differences: differences.slice(0, sampleSize),
  };
}

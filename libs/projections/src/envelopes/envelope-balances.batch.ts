import type { Database } from 'better-sqlite3';
import { perConnection } from '../shared/batch-state.js';

/** The flows of one credit kind in one year, as the domain's ledger keeps them (envelope.state.ts). */
export const FLOWS = [
  'notified',
  'reduced',
  'received',
  'transferred_in',
  'transferred_out',
  'allocated',
  'consumed',
  'restored',
  'carried_in',
  'carried_out',
  'lapsed',
  'receipts',
] as const;
export type Flow = (typeof FLOWS)[number];
export type Change = Partial<Record<Flow, number>>;

export const COLUMNS = FLOWS.flatMap((f) => [`ae_${f}`, `cp_${f}`]);

export interface EnvelopeRow {
  envelope_id: string;
  fund: string;
  territory_code: string;
  label: string;
  parent_id: string | null;
  from_year: number;
  to_year: number;
  current_year: number;
  status: string;
  commitments: number;
}

/** What a batch does to one envelope row: replaces it whole (opened), or updates the row already stored. */
type EnvelopeChange = { row: EnvelopeRow } | { commitments: number; status?: string; currentYear?: number };

interface YearChange {
  id: string;
  year: number;
  /** AE then CP deltas, in COLUMNS order. */
  deltas: Float64Array;
  closed: boolean;
}

/** One batch of envelope changes, in memory; `flush` writes each envelope and each (envelope, year) once. */
class EnvelopeBatch {
  private readonly envelopes = new Map<string, EnvelopeChange>();
  private readonly years = new Map<string, YearChange>();
  private readonly replace;
  private readonly update;
  private readonly book;

  constructor(db: Database, prefix: string) {
    this.replace = db.prepare(`INSERT OR REPLACE INTO "${prefix}envelopes" (envelope_id, fund, territory_code, label, parent_id,
      from_year, to_year, current_year, status, commitments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.update = db.prepare(`UPDATE "${prefix}envelopes" SET commitments = commitments + ?, status = coalesce(?, status),
      current_year = coalesce(?, current_year) WHERE envelope_id = ?`);
    this.book = db.prepare(`INSERT INTO "${prefix}envelope_years" (envelope_id, year, closed, ${COLUMNS.join(', ')})
      VALUES (?, ?, ?, ${COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (envelope_id, year) DO UPDATE SET closed = max(closed, excluded.closed),
        ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`);
  }

  opened(row: EnvelopeRow): void {
    this.envelopes.set(row.envelope_id, { row });
  }

  committed(id: string): void {
    const c = this.changeOf(id);
    if ('row' in c) c.row.commitments += 1;
    else c.commitments += 1;
  }

  setStatus(id: string, status: string): void {
    const c = this.changeOf(id);
    if ('row' in c) c.row.status = status;
    else c.status = status;
  }

  setCurrentYear(id: string, year: number): void {
    const c = this.changeOf(id);
    if ('row' in c) c.row.current_year = year;
    else c.currentYear = year;
  }

  /** Books flows on (envelope, year); the row exists afterwards even when every flow is zero. */
  add(id: string, year: number, ae: Change, cp: Change, closed = false): void {
    const key = `${id}\u0000${year}`;
    let y = this.years.get(key);
    if (!y) this.years.set(key, (y = { id, year, deltas: new Float64Array(COLUMNS.length), closed: false }));
    for (let i = 0; i < FLOWS.length; i++) {
      const f = FLOWS[i]!;
      y.deltas[2 * i]! += ae[f] ?? 0;
      y.deltas[2 * i + 1]! += cp[f] ?? 0;
    }
    if (closed) y.closed = true;
  }

  flush(): void {
    const envelopes = [...this.envelopes];
    const years = [...this.years.values()];
    this.clear();
    for (const [id, c] of envelopes) {
      if ('row' in c) {
        const r = c.row;
        this.replace.run(
          r.envelope_id,
          r.fund,
          r.territory_code,
          r.label,
          r.parent_id,
          r.from_year,
          r.to_year,
          r.current_year,
          r.status,
          r.commitments,
        );
      } else this.update.run(c.commitments, c.status ?? null, c.currentYear ?? null, id);
    }
    for (const y of years) this.book.run(y.id, y.year, y.closed ? 1 : 0, ...y.deltas);
  }

  clear(): void {
    this.envelopes.clear();
    this.years.clear();
  }

  private changeOf(id: string): EnvelopeChange {
    let c = this.envelopes.get(id);
    if (!c) this.envelopes.set(id, (c = { commitments: 0 }));
    return c;
  }
}

export const envelopeBatchOf = perConnection((db, prefix) => new EnvelopeBatch(db, prefix));

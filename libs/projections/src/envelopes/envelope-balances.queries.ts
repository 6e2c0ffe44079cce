import type { Database } from 'better-sqlite3';

/** One credit kind: what was opened to the envelope, what is consumed (net), what is left. */
export interface CreditFigures {
  creditsCents: number;
  consumedCents: number;
  availableCents: number;
}

export interface EnvelopeBalanceRow {
  envelopeId: string;
  fund: string;
  territoryCode: string;
  label: string;
  parentId: string | null;
  status: string;
  /** The exercise, or null when the row sums every year of the envelope. */
  year: number | null;
  commitments: number;
  ae: CreditFigures;
  cp: CreditFigures;
}

export interface EnvelopeFilter {
  fund?: string;
  territory?: string;
  year?: number;
}

const available = (
  k: 'ae' | 'cp',
) => `sum(${k}_notified - ${k}_reduced + ${k}_received + ${k}_transferred_in + ${k}_carried_in + ${k}_restored
  - ${k}_transferred_out - ${k}_allocated - ${k}_consumed - ${k}_carried_out - ${k}_lapsed)`;
const consumed = (k: 'ae' | 'cp') => `sum(${k}_consumed - ${k}_restored)`;

export class EnvelopeBalanceQueries {
  constructor(private readonly db: Database) {}

  /** Ids of the envelopes opened, by fund and territory; a year matches every envelope whose period covers it. */
  ids(filter: EnvelopeFilter = {}): string[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.fund) {
      where.push('fund = ?');
      params.push(filter.fund);
    }
    if (filter.territory) {
      where.push('territory_code = ?');
      params.push(filter.territory);
    }
    if (filter.year !== undefined) {
      where.push('from_year <= ? AND to_year >= ?');
      params.push(filter.year, filter.year);
    }
    return this.db
      .prepare(`SELECT envelope_id FROM envelopes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY envelope_id`)
      .pluck()
      .all(...params) as string[];
  }

  /** Balances per envelope (and per year when `year` is given), AE and CP, by fund and territory. */
  list(filter: EnvelopeFilter = {}): EnvelopeBalanceRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.fund) {
      where.push('e.fund = ?');
      params.push(filter.fund);
    }
    if (filter.territory) {
      where.push('e.territory_code = ?');
      params.push(filter.territory);
    }
    if (filter.year !== undefined) {
      where.push('y.year = ?');
      params.push(filter.year);
    }
    const rows = this.db
      .prepare(
        `SELECT e.envelope_id, e.fund, e.territory_code, e.label, e.parent_id, e.status, e.commitments,
        ${filter.year !== undefined ? 'y.year' : 'NULL'} AS year,
        ${available('ae')} AS ae_available, ${consumed('ae')} AS ae_consumed,
        ${available('cp')} AS cp_available, ${consumed('cp')} AS cp_consumed
      FROM envelopes e JOIN envelope_years y ON y.envelope_id = e.envelope_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY e.envelope_id${filter.year !== undefined ? ', y.year' : ''} ORDER BY e.fund, e.envelope_id`,
      )
      .all(...params) as Record<string, any>[];
    return rows.map((r) => ({
      envelopeId: r['envelope_id'],
      fund: r['fund'],
      territoryCode: r['territory_code'],
      label: r['label'],
      parentId: r['parent_id'],
      status: r['status'],
      year: r['year'],
      commitments: r['commitments'],
      ae: figures(r['ae_consumed'], r['ae_available']),
      cp: figures(r['cp_consumed'], r['cp_available']),
    }));
  }
}

const figures = (consumedCents: number, availableCents: number): CreditFigures => ({
  creditsCents: consumedCents + availableCents,
  consumedCents,
  availableCents,
});

import type { Database } from 'better-sqlite3';
import { ENVELOPE_EVENT_TYPES, type EnvelopeEvent, type EnvelopeOpened, envelopeIdFromStream } from '#funding';
import type { Projection } from '../runner/projection.js';
import { stmt } from '../shared/statements.js';

export const ENVELOPE_BALANCES = 'envelope_balances';

/** The flows of one credit kind in one year, as the domain's ledger keeps them (envelope.state.ts). */
export const FLOWS = [
  'notified', 'reduced', 'received', 'transferred_in', 'transferred_out', 'allocated', 'consumed', 'restored',
  'carried_in', 'carried_out', 'lapsed',
] as const;
type Flow = (typeof FLOWS)[number];
type Change = Partial<Record<Flow, number>>;

const COLUMNS = FLOWS.flatMap((f) => [`ae_${f}`, `cp_${f}`]);

/**
 * AE/CP per envelope and exercise year, booked exactly as `evolveEnvelope` books them, so the
 * balance served here equals `envelopeBalance` of the folded stream (a test checks it).
 */
export const envelopeBalancesProjection: Projection = {
  name: ENVELOPE_BALANCES,
  version: 1,
  handles: ENVELOPE_EVENT_TYPES,
  tables: ['envelopes', 'envelope_years'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}envelopes" (
        envelope_id TEXT PRIMARY KEY, fund TEXT NOT NULL, territory_code TEXT NOT NULL, label TEXT NOT NULL,
        parent_id TEXT, from_year INTEGER NOT NULL, to_year INTEGER NOT NULL, current_year INTEGER NOT NULL,
        status TEXT NOT NULL, commitments INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS "${prefix}envelope_years" (
        envelope_id TEXT NOT NULL, year INTEGER NOT NULL, closed INTEGER NOT NULL DEFAULT 0,
        ${COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
        PRIMARY KEY (envelope_id, year));`);
  },
  apply(db, event, prefix) {
    const id = envelopeIdFromStream(event.streamId);
    if (!id) return;
    const e = { type: event.type, data: event.data } as EnvelopeEvent;
    if (e.type === 'envelope.opened') return opened(db, prefix, e);
    switch (e.type) {
      case 'envelope.credits_notified': return book(db, prefix, id, e.data.year, { notified: e.data.aeCents }, { notified: e.data.cpCents });
      case 'envelope.credits_reduced': return book(db, prefix, id, e.data.year, { reduced: e.data.aeCents }, { reduced: e.data.cpCents });
      case 'envelope.allocated_to_child': return book(db, prefix, id, e.data.year, { allocated: e.data.aeCents }, { allocated: e.data.cpCents });
      case 'envelope.allocation_received': return book(db, prefix, id, e.data.year, { received: e.data.aeCents }, { received: e.data.cpCents });
      case 'envelope.transferred':
        return book(db, prefix, id, e.data.year, { transferred_out: e.data.aeCents }, { transferred_out: e.data.cpCents });
      case 'envelope.transfer_received':
        return book(db, prefix, id, e.data.year, { transferred_in: e.data.aeCents }, { transferred_in: e.data.cpCents });
      case 'envelope.committed':
        stmt(db, `UPDATE "${prefix}envelopes" SET commitments = commitments + 1 WHERE envelope_id = ?`).run(id);
        return book(db, prefix, id, e.data.year, { consumed: e.data.amountCents }, {});
      case 'envelope.commitment_released': return book(db, prefix, id, e.data.year, { restored: e.data.amountCents }, {});
      case 'envelope.paid': return book(db, prefix, id, e.data.year, {}, { consumed: e.data.amountCents });
      case 'envelope.recovered': return book(db, prefix, id, e.data.year, {}, { restored: e.data.amountCents });
      case 'envelope.year_closed': return yearClosed(db, prefix, id, e.data);
      default: return;
    }
  },
};

function opened(db: Database, prefix: string, e: EnvelopeOpened): void {
  const d = e.data;
  stmt(db, `INSERT OR REPLACE INTO "${prefix}envelopes" (envelope_id, fund, territory_code, label, parent_id, from_year, to_year, current_year, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')`)
    .run(d.envelopeId, d.fund, d.territoryCode, d.label, d.parentId, d.period.fromYear, d.period.toYear, d.period.fromYear);
  book(db, prefix, d.envelopeId, d.period.fromYear, {}, {});
}

function book(db: Database, prefix: string, id: string, year: number, ae: Change, cp: Change): void {
  const values: Record<string, number | string> = { id, year };
  for (const f of FLOWS) {
    values[`ae_${f}`] = ae[f] ?? 0;
    values[`cp_${f}`] = cp[f] ?? 0;
  }
  stmt(db, `INSERT INTO "${prefix}envelope_years" (envelope_id, year, ${COLUMNS.join(', ')})
    VALUES (@id, @year, ${COLUMNS.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (envelope_id, year) DO UPDATE SET ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`).run(values);
}

function yearClosed(db: Database, prefix: string, id: string, d: Extract<EnvelopeEvent, { type: 'envelope.year_closed' }>['data']): void {
  book(db, prefix, id, d.year, { carried_out: d.aeCarriedCents, lapsed: d.aeLapsedCents }, { carried_out: d.cpCarriedCents, lapsed: d.cpLapsedCents });
  stmt(db, `UPDATE "${prefix}envelope_years" SET closed = 1 WHERE envelope_id = ? AND year = ?`).run(id, d.year);
  if (d.nextYear === null) {
    stmt(db, `UPDATE "${prefix}envelopes" SET status = 'closed' WHERE envelope_id = ?`).run(id);
    return;
  }
  stmt(db, `UPDATE "${prefix}envelopes" SET current_year = ? WHERE envelope_id = ?`).run(d.nextYear, id);
  book(db, prefix, id, d.nextYear, { carried_in: d.aeCarriedCents }, { carried_in: d.cpCarriedCents });
}


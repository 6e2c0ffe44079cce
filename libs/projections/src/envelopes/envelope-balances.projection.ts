import { ENVELOPE_EVENT_TYPES, type EnvelopeEvent, type EnvelopeOpened, envelopeIdFromStream } from '#funding';
import type { Projection } from '../runner/projection.js';
import { type Change, COLUMNS, envelopeBatchOf } from './envelope-balances.batch.js';

export { FLOWS } from './envelope-balances.batch.js';

export const ENVELOPE_BALANCES = 'envelope_balances';

/**
 * AE/CP per envelope and exercise year, booked exactly as `evolveEnvelope` books them, so the
 * balance served here equals `envelopeBalance` of the folded stream (a test checks it). A batch's
 * changes are summed in memory and written once per envelope and per (envelope, year) in `endBatch`.
 */
export const envelopeBalancesProjection: Projection = {
  name: ENVELOPE_BALANCES,
  version: 2,
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
    const batch = envelopeBatchOf(db, prefix);
    const book = (year: number, ae: Change, cp: Change) => batch.add(id, year, ae, cp);
    const e = { type: event.type, data: event.data } as EnvelopeEvent;
    if (e.type === 'envelope.opened') return opened(batch, e);
    switch (e.type) {
      case 'envelope.credits_notified':
        return book(e.data.year, { notified: e.data.aeCents }, { notified: e.data.cpCents });
      case 'envelope.credits_reduced':
        return book(e.data.year, { reduced: e.data.aeCents }, { reduced: e.data.cpCents });
      case 'envelope.allocated_to_child':
        return book(e.data.year, { allocated: e.data.aeCents }, { allocated: e.data.cpCents });
      case 'envelope.allocation_received':
        return book(e.data.year, { received: e.data.aeCents }, { received: e.data.cpCents });
      case 'envelope.transferred':
        return book(e.data.year, { transferred_out: e.data.aeCents }, { transferred_out: e.data.cpCents });
      case 'envelope.transfer_received':
        return book(e.data.year, { transferred_in: e.data.aeCents }, { transferred_in: e.data.cpCents });
      case 'envelope.committed':
        batch.committed(id);
        return book(e.data.year, { consumed: e.data.amountCents }, {});
      case 'envelope.commitment_released':
        return book(e.data.year, { restored: e.data.amountCents }, {});
      case 'envelope.commitment_adjusted':
        return book(e.data.year, { consumed: Math.max(0, e.data.deltaCents), restored: Math.max(0, -e.data.deltaCents) }, {});
      case 'envelope.paid':
        return book(e.data.year, {}, { consumed: e.data.amountCents });
      case 'envelope.recovered':
        return book(e.data.year, {}, { restored: e.data.amountCents });
      case 'envelope.recovery_collected':
        return book(e.data.year, {}, { restored: e.data.restoredCents, receipts: e.data.receiptCents });
      case 'envelope.year_closed':
        return yearClosed(batch, id, e.data);
      default:
        return;
    }
  },
  endBatch(db, prefix) {
    envelopeBatchOf(db, prefix).flush();
  },
  abortBatch(db, prefix) {
    envelopeBatchOf(db, prefix).clear();
  },
};

type Batch = ReturnType<typeof envelopeBatchOf>;

function opened(batch: Batch, e: EnvelopeOpened): void {
  const d = e.data;
  batch.opened({
    envelope_id: d.envelopeId,
    fund: d.fund,
    territory_code: d.territoryCode,
    label: d.label,
    parent_id: d.parentId,
    from_year: d.period.fromYear,
    to_year: d.period.toYear,
    current_year: d.period.fromYear,
    status: 'open',
    commitments: 0,
  });
  batch.add(d.envelopeId, d.period.fromYear, {}, {});
}

function yearClosed(batch: Batch, id: string, d: Extract<EnvelopeEvent, { type: 'envelope.year_closed' }>['data']): void {
  batch.add(
    id,
    d.year,
    { carried_out: d.aeCarriedCents, lapsed: d.aeLapsedCents },
    { carried_out: d.cpCarriedCents, lapsed: d.cpLapsedCents },
    true,
  );
  if (d.nextYear === null) {
    batch.setStatus(id, 'closed');
    return;
  }
  batch.setCurrentYear(id, d.nextYear);
  batch.add(id, d.nextYear, { carried_in: d.aeCarriedCents }, { carried_in: d.cpCarriedCents });
}

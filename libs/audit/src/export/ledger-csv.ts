import type { EventStore, RecordedEvent } from '#event-store';
import { envelopeIdFromStream, type EnvelopeEvent, formatEuros } from '#funding';
import { readLogPages } from './read-pages.js';

export type CsvSeparator = ',' | ';';

export interface LedgerOptions {
  /** ';' for French spreadsheets: amounts then use a decimal comma. Default ','. */
  separator?: CsvSeparator;
  pageSize?: number;
  /** Only the envelopes this returns true for (a caller's territory). */
  envelopeFilter?: (envelopeId: string) => boolean;
}

export const LEDGER_COLUMNS = [
  'date',
  'envelope',
  'project',
  'operation',
  'AE',
  'CP',
  'actor',
  'reason',
  'role',
  'commitment',
  'position',
  'event_id',
] as const;

/** Excel and LibreOffice read the file as UTF-8 with it. */
export const BOM = '\ufeff';

interface LedgerRow {
  project: string | null;
  operation: string;
  ae: number | null;
  cp: number | null;
  reason: string | null;
  commitment: string | null;
}

/**
 * What each money event books: amounts are those the operation concerns (AE for commitments, releases and service
 * done, CP for payments and recoveries; both for credits). Events that move no money (split_set, split_exceeded) are left out.
 */
function rowOf(e: EnvelopeEvent, projectOf: (ref: string) => string | null): LedgerRow | undefined {
  const d = e.data as unknown as Record<string, unknown>;
  const reason = typeof d['reason'] === 'string' ? (d['reason'] as string) : null;
  const both = (operation: string, extra: string | null = null) => ({
    project: null,
    operation,
    ae: d['aeCents'] as number,
    cp: d['cpCents'] as number,
    reason: reason ?? extra,
    commitment: null,
  });
  const spend = (operation: string, column: 'ae' | 'cp') => {
    const ref = d['commitmentRef'] as string;
    return {
      project: projectOf(ref),
      operation,
      ae: column === 'ae' ? (d['amountCents'] as number) : null,
      cp: column === 'cp' ? (d['amountCents'] as number) : null,
      reason,
      commitment: ref,
    };
  };
  switch (e.type) {
    case 'envelope.credits_notified':
      return both(e.data.kind === 'increase' ? 'abondement' : 'notification');
    case 'envelope.credits_reduced':
      return both('réduction');
    case 'envelope.allocated_to_child':
      return both('délégation', `vers ${e.data.childId}`);
    case 'envelope.allocation_received':
      return both('délégation reçue', `de ${e.data.parentId}`);
    case 'envelope.transferred':
      return both('transfert', `vers ${e.data.toId}`);
    case 'envelope.transfer_received':
      return both('transfert reçu', `de ${e.data.fromId}`);
    case 'envelope.committed':
      return { ...spend('engagement', 'ae'), project: e.data.projectId };
    case 'envelope.commitment_released':
      return spend('désengagement', 'ae');
    case 'envelope.service_done':
      return spend('service fait', 'ae');
    case 'envelope.paid':
      return spend('paiement', 'cp');
    case 'envelope.recovered':
      return spend('reversement', 'cp');
    case 'envelope.year_closed':
      return {
        project: null,
        operation: `clôture ${e.data.year} (report)`,
        ae: e.data.aeCarriedCents,
        cp: e.data.cpCarriedCents,
        reason: `annulé : AE ${formatEuros(e.data.aeLapsedCents)}, CP ${formatEuros(e.data.cpLapsedCents)}`,
        commitment: null,
      };
    default:
      return undefined;
  }
}

/** 1250050 → "12500.50" (or "12500,50" with ';'). */
const amount = (cents: number | null, separator: CsvSeparator) => {
  if (cents === null || cents === undefined || !Number.isSafeInteger(cents)) return '';
  const s = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return separator === ';' ? s.replace('.', ',') : s;
};

/** RFC 4180 quoting; text a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
export function csvField(value: string | null, separator: CsvSeparator): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(e: RecordedEvent, envelopeId: string, row: LedgerRow, sep: CsvSeparator): string {
  const m = e.metadata ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const fields = [
    e.recordedAt.toISOString(),
    envelopeId,
    row.project,
    row.operation,
    null,
    null,
    text(m['actor']) ?? text(m['actorId']),
    row.reason,
    text(m['role']),
    row.commitment,
    e.position.toString(),
    e.id,
  ].map((v) => csvField(v, sep));
  fields[4] = amount(row.ae, sep);
  fields[5] = amount(row.cp, sep);
  return `${fields.join(sep)}\r\n`;
}

/**
 * The funding ledger as CSV, one row per money event, in log order: a BOM and the header first, then one chunk
 * per page of the log. The project of payments, releases and recoveries comes from their commitment (kept per
 * commitment reference, not per event).
 */
export async function* ledgerCsv(store: EventStore, options: LedgerOptions = {}): AsyncGenerator<string> {
  const sep = options.separator ?? ',';
  yield `${BOM}${LEDGER_COLUMNS.join(sep)}\r\n`;
  const projects = new Map<string, string>();
  for await (const page of readLogPages(store, { pageSize: options.pageSize })) {
    let chunk = '';
    for (const e of page) {
      const envelopeId = envelopeIdFromStream(e.streamId);
      if (envelopeId === undefined) continue;
      const event = { type: e.type, data: e.data } as EnvelopeEvent;
      if (event.type === 'envelope.committed') projects.set(`${envelopeId}\u0000${event.data.commitmentRef}`, event.data.projectId);
      if (options.envelopeFilter && !options.envelopeFilter(envelopeId)) continue;
      const row = rowOf(event, (ref) => projects.get(`${envelopeId}\u0000${ref}`) ?? null);
      if (row) chunk += csvLine(e, envelopeId, row, sep);
    }
    if (chunk) yield chunk;
  }
}

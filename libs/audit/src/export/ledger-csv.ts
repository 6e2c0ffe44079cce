import { stringify } from 'csv-stringify/sync';
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
        reason: `crédits non reportés : AE ${formatEuros(e.data.aeLapsedCents)}, CP ${formatEuros(e.data.cpLapsedCents)}`,
        commitment: null,
      };
    default:
      return undefined;
  }
}

/** 1250050 → "12500.50" (or "12500,50" with ';'). */
const amount = (cents: number, separator: CsvSeparator) => {
  if (!Number.isSafeInteger(cents)) return '';
  const s = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  return separator === ';' ? s.replace('.', ',') : s;
};

/**
 * A separator (',' ';' or TAB, which an import dialog may tick too) or a line break, or the start of the text, then any
 * quotes and spaces (a spreadsheet may trim them on import), before what a spreadsheet takes for the start of a formula
 * (OWASP, CSV injection: = + - @ TAB CR, and the full-width forms).
 */
const FORMULA_AFTER_A_SPLIT = /(^[ "]+|[,;\t\r\n][ "]*)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * A spreadsheet may split the file on ',' or on ';' whatever separator it was written with (French ones take ';'),
 * and a cell then starts after any separator inside a text: an apostrophe goes before a formula character there.
 * At the start of a cell csv-stringify's escape_formulas does the same.
 */
function neutraliseFormulasAfterSeparators(text: string): string {
  return text.replace(FORMULA_AFTER_A_SPLIT, "$1'");
}

/**
 * Text cells are neutralised (every text column, whoever wrote it); AE and CP are numbers (cents) formatted here, never
 * text from a request, and stay numbers: a negative amount keeps its sign rather than becoming the text "'-1500.00".
 */
const csvOptions = (separator: CsvSeparator) => ({
  delimiter: separator,
  record_delimiter: '\r\n',
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: { string: neutraliseFormulasAfterSeparators, number: (cents: number) => amount(cents, separator) },
});

type LedgerCell = string | number | bigint | null;

function ledgerRecord(e: RecordedEvent, envelopeId: string, row: LedgerRow): LedgerCell[] {
  const m = e.metadata ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return [
    e.recordedAt.toISOString(),
    envelopeId,
    row.project,
    row.operation,
    row.ae,
    row.cp,
    text(m['actor']) ?? text(m['actorId']),
    row.reason,
    text(m['role']),
    row.commitment,
    e.position,
    e.id,
  ];
}

/**
 * The funding ledger as CSV, one row per money event, in log order: a BOM and the header first, then one chunk
 * per page of the log. The project of payments, releases and recoveries comes from their commitment (kept per
 * commitment reference, not per event).
 */
export async function* ledgerCsv(store: EventStore, options: LedgerOptions = {}): AsyncGenerator<string> {
  const csv = csvOptions(options.separator ?? ',');
  yield `${BOM}${stringify([[...LEDGER_COLUMNS]], csv)}`;
  const projects = new Map<string, string>();
  for await (const page of readLogPages(store, { pageSize: options.pageSize })) {
    const records: LedgerCell[][] = [];
    for (const e of page) {
      const envelopeId = envelopeIdFromStream(e.streamId);
      if (envelopeId === undefined) continue;
      const event = { type: e.type, data: e.data } as EnvelopeEvent;
      if (event.type === 'envelope.committed') projects.set(`${envelopeId}\u0000${event.data.commitmentRef}`, event.data.projectId);
      if (options.envelopeFilter && !options.envelopeFilter(envelopeId)) continue;
      const row = rowOf(event, (ref) => projects.get(`${envelopeId}\u0000${ref}`) ?? null);
      if (row) records.push(ledgerRecord(e, envelopeId, row));
    }
    if (records.length > 0) yield stringify(records, csv);
  }
}

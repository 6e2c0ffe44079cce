import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { EventStore } from '#event-store';
import { LEDGER_COLUMNS, type LedgerRow, ledgerRowPages, type LedgerSource } from './ledger-rows.js';
import { frenchDateTime, isoParisDateTime } from './paris-time.js';

/**
 * 'fr' (the default): for French spreadsheets, ';' between cells, decimal comma, a UTF-8 BOM (Excel then reads the file
 * as UTF-8), dates in Paris time as JJ/MM/AAAA HH:MM:SS (which Excel and LibreOffice in French take for dates).
 * 'international': ',' and a decimal point, no BOM, dates in ISO 8601 with their offset (Paris time).
 */
export type LedgerCsvFormat = 'fr' | 'international';
export const LEDGER_CSV_FORMATS: readonly LedgerCsvFormat[] = ['fr', 'international'];

export interface LedgerCsvOptions extends LedgerSource {
  format?: LedgerCsvFormat;
}

/** Excel and LibreOffice read the file as UTF-8 with it. */
export const BOM = '\ufeff';

// An export formats two amounts a row, a million rows: integer arithmetic and a table, no global looked up per call
// (slow where code runs in a vm context, as under jest).
const isSafeInteger = Number.isSafeInteger;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

/** 1250050 → "12500.50" (or "12500,50"); −150000 → "-1500.00". */
export function csvAmount(cents: number, decimal: ',' | '.'): string {
  if (!isSafeInteger(cents)) return '';
  const abs = cents < 0 ? -cents : cents;
  const rest = abs % 100;
  return `${cents < 0 ? '-' : ''}${(abs - rest) / 100}${decimal}${TWO_DIGITS[rest]}`;
}

/**
 * A separator (',' ';' or TAB, which an import dialog may tick too) or a line break, or the start of the text, then any
 * quotes and spaces (a spreadsheet may trim them on import), before what a spreadsheet takes for the start of a formula
 * (OWASP, CSV injection: = + - @ TAB CR, and the full-width forms).
 */
const FORMULA_AFTER_A_SPLIT = /(^[ "]+|[,;\t\r\n][ "]*)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;
/** Where FORMULA_AFTER_A_SPLIT may match at all: most cells (ids, references, labels) have no separator in them. */
const MAY_SPLIT = /^[ "]|[,;\t\r\n]/;

/**
 * A spreadsheet may split the file on ',' or on ';' whatever separator it was written with (French ones take ';'),
 * and a cell then starts after any separator inside a text: an apostrophe goes before a formula character there.
 * At the start of a cell csv-stringify's escape_formulas does the same.
 */
function neutraliseFormulasAfterSeparators(text: string): string {
  return MAY_SPLIT.test(text) ? text.replace(FORMULA_AFTER_A_SPLIT, "$1'") : text;
}

/**
 * Text cells are neutralised (every text column, whoever wrote it); AE and CP are numbers (cents) formatted here, never
 * text from a request, and stay numbers: a negative amount keeps its sign rather than becoming the text "'-1500.00".
 * The exercise and the position are digits written as text; dates are formatted here.
 */
function csvOptions(format: LedgerCsvFormat) {
  const fr = format === 'fr';
  return {
    bom: fr,
    delimiter: fr ? ';' : ',',
    record_delimiter: '\r\n',
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      string: neutraliseFormulasAfterSeparators,
      number: (cents: number) => csvAmount(cents, fr ? ',' : '.'),
      date: fr ? frenchDateTime : isoParisDateTime,
    },
  };
}

type CsvCell = string | number | bigint | Date | null;

function csvRecord(row: LedgerRow): CsvCell[] {
  return LEDGER_COLUMNS.map(({ key }) => (key === 'year' ? `${row.year}` : row[key]));
}

async function* records(store: EventStore, options: LedgerSource): AsyncGenerator<CsvCell[]> {
  yield LEDGER_COLUMNS.map((c) => c.header);
  for await (const page of ledgerRowPages(store, options)) for (const row of page) yield csvRecord(row);
}

/**
 * The funding ledger as CSV, one row per money movement with signed AE and CP: a stream (csv-stringify's), fed one
 * page of the log at a time and only as fast as its reader takes it (backpressure), never the whole file in memory.
 */
export function ledgerCsv(store: EventStore, options: LedgerCsvOptions = {}): Readable {
  const { format = 'fr', ...source } = options;
  const stringifier = stringify(csvOptions(format));
  // pipeline destroys the source when the reader goes away and passes a failed read on to the stream's reader.
  pipeline(Readable.from(records(store, source), { highWaterMark: 256 }), stringifier, () => {});
  return stringifier;
}

import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EventStore } from '#event-store';
import { LEDGER_COLUMNS, type LedgerRow, ledgerRowPages, type LedgerSource } from './ledger-rows.js';
import { parisWallClock } from './paris-time.js';
import { XLSX_ZIP_BUFFER, xlsxBackpressure } from './xlsx-backpressure.js';

/** Excel's last row is 1,048,576: past it (a header and 1,048,575 rows) the ledger goes on in another sheet. */
export const XLSX_MAX_ROWS_PER_SHEET = 1_048_575;

export interface LedgerXlsxOptions extends LedgerSource {
  /** Rows per sheet before a new one starts (tests make it small). */
  rowsPerSheet?: number;
}

const DATE_FORMAT = 'dd/mm/yyyy hh:mm:ss';
const EURO_FORMAT = '#,##0.00 "€";-#,##0.00 "€"';
// Shared (never changed) style objects: exceljs then computes each style once, not once per cell.
const PLAIN: Partial<ExcelJS.Style> = {};
const DATE: Partial<ExcelJS.Style> = { numFmt: DATE_FORMAT };
const EURO: Partial<ExcelJS.Style> = { numFmt: EURO_FORMAT };
const STYLE_OF: Partial<Record<keyof LedgerRow, Partial<ExcelJS.Style>>> = { recordedAt: DATE, aeCents: EURO, cpCents: EURO };
const STYLES = LEDGER_COLUMNS.map((c) => STYLE_OF[c.key] ?? PLAIN);
const WIDTHS: Partial<Record<keyof LedgerRow, number>> = { recordedAt: 20, envelopeId: 26, projectTitle: 40, operation: 22, reason: 40 };

/**
 * Typed cells, in LEDGER_COLUMNS's order (written out: a million rows; the tests read each cell by its header): the date
 * (Paris time) a date, the exercise and the position numbers, AE and CP numbers in euros.
 */
function cells(r: LedgerRow): ExcelJS.CellValue[] {
  return [
    parisWallClock(r.recordedAt),
    r.fund,
    r.year,
    r.envelopeId,
    r.projectId,
    r.projectTitle,
    r.payeeName,
    r.payeeSiret,
    r.awardActId,
    r.ejNumber,
    r.commitmentRef,
    r.operation,
    r.aeCents / 100,
    r.cpCents / 100,
    r.actor,
    r.role,
    r.reason,
    Number(r.position),
    r.eventId,
  ];
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, n: number): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(n === 1 ? 'Grand livre' : `Grand livre (${n})`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: WIDTHS[c.key] ?? 14 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return sheet;
}

async function writeWorkbook(store: EventStore, out: PassThrough, options: LedgerXlsxOptions): Promise<void> {
  const { rowsPerSheet = XLSX_MAX_ROWS_PER_SHEET, ...source } = options;
  // archiver's highWaterMark (not in exceljs's types): its buffer before the reader, 1 MiB by default.
  const zip = { highWaterMark: XLSX_ZIP_BUFFER } as Partial<ExcelJS.stream.xlsx.ArchiverZipOptions>;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip });
  workbook.creator = 'Refonda';
  let sheets = 1;
  let sheet = addSheet(workbook, sheets);
  let rowsInSheet = 0;
  for await (const page of ledgerRowPages(store, source)) {
    if (out.destroyed) return;
    for (const row of page) {
      if (rowsInSheet === rowsPerSheet) {
        sheet.commit();
        sheet = addSheet(workbook, ++sheets);
        rowsInSheet = 0;
      }
      const added = sheet.addRow(cells(row));
      added.eachCell((cell, column) => (cell.style = STYLES[column - 1]!));
      added.commit();
      rowsInSheet++;
    }
    await xlsxBackpressure(workbook, sheet, out);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * The funding ledger as an XLSX workbook, streamed: exceljs's WorkbookWriter writes each row as it comes (no shared
 * strings), one page of the log at a time, and waits whenever the compressor or the reader is behind. A bold header,
 * frozen, with filters; one sheet per 1,048,575 rows.
 */
export function ledgerXlsx(store: EventStore, options: LedgerXlsxOptions = {}): Readable {
  const out = new PassThrough();
  writeWorkbook(store, out, options).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

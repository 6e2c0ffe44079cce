import { once } from 'node:events';
import type { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { stream, Worksheet } from 'exceljs';

/** Bytes of sheet XML allowed to wait for the compressor before the writer stops adding rows. */
export const XLSX_PENDING_XML = 1 << 20;
/** Compressed bytes allowed to wait in the zip writer (past its own readable buffer, XLSX_ZIP_BUFFER). */
export const XLSX_PENDING_ZIP = 128 << 10;
/** The zip writer's readable buffer (archiver's default is 1 MiB). */
export const XLSX_ZIP_BUFFER = 64 << 10;

interface BufferedStream {
  _writableState?: { length: number };
  _readableState?: { length: number };
}

const buffered = (s: BufferedStream | undefined) => (s?._writableState?.length ?? 0) + (s?._readableState?.length ?? 0);

/**
 * exceljs 4.4 writes without waiting: a sheet's XML goes into its zip entry's input stream (archiver's PassThrough)
 * whatever that stream answers, and the zip module writes the compressed bytes into archiver the same way; the reader's
 * backpressure stops at archiver. So both would grow without end when the rows come faster than they are compressed or
 * than the reader reads. The writer waits, after each page of rows, while more than XLSX_PENDING_XML bytes of XML wait
 * for the compressor or XLSX_PENDING_ZIP compressed bytes for the reader, or while the sheet's entry has not started
 * (the previous sheet is still being zipped). Without these internals (another exceljs), it falls back on the output's
 * own backpressure.
 */
export async function xlsxBackpressure(workbook: stream.xlsx.WorkbookWriter, sheet: Worksheet, out: PassThrough): Promise<void> {
  const zip = (workbook as unknown as { zip?: BufferedStream }).zip;
  for (;;) {
    if (out.destroyed) return;
    const pipes = (sheet as unknown as { stream?: { pipes?: BufferedStream[] } }).stream?.pipes;
    if (!Array.isArray(pipes) || zip?._writableState === undefined) {
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      return;
    }
    const entry = pipes[0];
    const behind = entry === undefined || buffered(entry) > XLSX_PENDING_XML || zip._writableState.length > XLSX_PENDING_ZIP;
    if (!behind) return;
    await sleep(5);
  }
}

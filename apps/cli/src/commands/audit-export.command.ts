import { parseArgs } from 'node:util';
import { ledgerCsv, logJsonLines } from '#audit';
import { withStore, writeOut } from './audit-env.js';

/** `audit export-ledger [--separator ';'] [--out file]`: the funding ledger as CSV (UTF-8 with BOM), streamed. */
export async function auditExportLedgerCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { separator: { type: 'string', default: ',' }, out: { type: 'string' } } });
  const separator =
    values.separator === ';' || values.separator === 'semicolon'
      ? ';'
      : values.separator === ',' || values.separator === 'comma'
        ? ','
        : undefined;
  if (!separator) {
    process.stderr.write("--separator must be ',' or ';'\n");
    return 2;
  }
  await withStore((store) => writeOut(ledgerCsv(store, { separator }), values.out));
  return 0;
}

/** `audit export-log [--out file]`: the whole log as JSON Lines, streamed. */
export async function auditExportLogCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  await withStore((store) => writeOut(logJsonLines(store), values.out));
  return 0;
}

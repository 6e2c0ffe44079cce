import { Option, SubCommand } from 'nest-commander';
import { type CsvSeparator, ledgerCsv, logJsonLines } from '#audit';
import { CliCommand } from '../cli-command.js';
import { withStore, writeOut } from './audit-env.js';

const SEPARATORS: Record<string, CsvSeparator> = { ',': ',', comma: ',', ';': ';', semicolon: ';' };

/** `audit export-ledger [--separator ';'] [--out file]`: the funding ledger as CSV (UTF-8 with BOM), streamed. */
@SubCommand({
  name: 'export-ledger',
  description: 'the funding ledger as CSV (UTF-8 with BOM), one row per money event; formulas neutralised',
})
export class AuditExportLedgerCommand extends CliCommand<{ separator: string; out?: string }> {
  async execute(_params: string[], values: { separator: string; out?: string }): Promise<number> {
    const separator = SEPARATORS[values.separator];
    if (!separator) {
      process.stderr.write("--separator must be ',' or ';'\n");
      return 2;
    }
    await withStore((store) => writeOut(ledgerCsv(store, { separator }), values.out));
    return 0;
  }

  @Option({ flags: '--separator <sep>', description: "',' or ';' (decimal comma, French spreadsheets)", defaultValue: ',' })
  separator(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'write to a file rather than stdout' })
  out(value: string): string {
    return value;
  }
}

/** `audit export-log [--out file]`: the whole log as JSON Lines, streamed. */
@SubCommand({ name: 'export-log', description: 'the whole log as JSON Lines, events as stored (with their hashes)' })
export class AuditExportLogCommand extends CliCommand<{ out?: string }> {
  async execute(_params: string[], values: { out?: string }): Promise<number> {
    await withStore((store) => writeOut(logJsonLines(store), values.out));
    return 0;
  }

  @Option({ flags: '--out <file>', description: 'write to a file rather than stdout' })
  out(value: string): string {
    return value;
  }
}

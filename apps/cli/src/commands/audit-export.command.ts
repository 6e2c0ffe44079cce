import { Option, SubCommand } from 'nest-commander';
import { ledgerCsv, ledgerXlsx, logJsonLines } from '#audit';
import { CliCommand } from '../cli-command.js';
import { withStore, writeOut } from './audit-env.js';
import { withProjectTitles } from './project-titles.js';

const FORMATS = ['fr', 'international', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `audit export-ledger [--format fr|international|xlsx] [--out file]`: the funding ledger, one row per money movement
 * with signed AE and CP, streamed; project titles from this replica's read models when they are there.
 */
@SubCommand({
  name: 'export-ledger',
  description:
    "the funding ledger, one row per money movement (signed AE and CP): CSV for French spreadsheets (';', decimal comma, BOM), " +
    "international CSV (',') or XLSX; formulas neutralised",
})
export class AuditExportLedgerCommand extends CliCommand<{ format: string; out?: string }> {
  async execute(_params: string[], values: { format: string; out?: string }): Promise<number> {
    const format = values.format as Format;
    if (!FORMATS.includes(format)) {
      process.stderr.write(`--format must be one of ${FORMATS.join(', ')}\n`);
      return 2;
    }
    await withStore((store) =>
      withProjectTitles((projectTitles) =>
        writeOut(format === 'xlsx' ? ledgerXlsx(store, { projectTitles }) : ledgerCsv(store, { format, projectTitles }), values.out),
      ),
    );
    return 0;
  }

  @Option({
    flags: '--format <format>',
    description: "fr (';', decimal comma, BOM, Paris dates), international (',', ISO dates) or xlsx",
    defaultValue: 'fr',
  })
  format(value: string): string {
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

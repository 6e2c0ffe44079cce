import { auditAnchorCommand, auditPublicKeyCommand } from './audit-anchor.command.js';
import { auditExportLedgerCommand, auditExportLogCommand } from './audit-export.command.js';
import { auditRotateKeyCommand } from './audit-key.command.js';
import { auditReplayCommand } from './audit-replay.command.js';
import { auditVerifyCommand } from './audit-verify.command.js';

const SUBCOMMANDS: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  verify: {
    run: auditVerifyCommand,
    help:
      'audit verify [--anchor file [--public-key file]] [--json]   ' +
      'recompute every hash; name the first altered, missing or reordered event',
  },
  anchor: {
    run: auditAnchorCommand,
    help: 'audit anchor [--out file] [--force]   sign the verified head with the Ed25519 key (AUDIT_KEY_PATH, default in DATA_DIR)',
  },
  'rotate-key': {
    run: auditRotateKeyCommand,
    help: 'audit rotate-key   a new anchor-signing key; the old public key stays in the keyring',
  },
  'public-key': {
    run: auditPublicKeyCommand,
    help: 'audit public-key [--out file]   the anchor-signing public key (PEM), for auditors to keep',
  },
  replay: {
    run: auditReplayCommand,
    help: 'audit replay [--keep] [--json]   rebuild every read model from position 0 into a scratch database and compare',
  },
  'export-ledger': {
    run: auditExportLedgerCommand,
    help: "audit export-ledger [--separator ';'] [--out file]   funding ledger as CSV (UTF-8 BOM)",
  },
  'export-log': { run: auditExportLogCommand, help: 'audit export-log [--out file]   the whole log as JSON Lines' },
};

export const AUDIT_HELP = 'audit <verify|anchor|rotate-key|public-key|replay|export-ledger|export-log> …';

/** `npm run cli -- audit <subcommand>`. */
export async function auditCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const sub = name ? SUBCOMMANDS[name] : undefined;
  if (!sub) {
    process.stderr.write(
      `usage:\n${Object.values(SUBCOMMANDS)
        .map((s) => `  ${s.help}`)
        .join('\n')}\n`,
    );
    return name ? 2 : 0;
  }
  return sub.run(rest);
}

import { existsSync, readFileSync } from 'node:fs';
import { Option, SubCommand } from 'nest-commander';
import { checkAnchor, describeFault, parseAnchor, readAuditKeyring, readPublicKey, verifyLog, type VerifyReport } from '#audit';
import { auditKeyPathFrom } from '../../../api/src/config/security.config.js';
import { CliCommand } from '../cli-command.js';
import { sqliteLogPath } from './audit-env.js';

const MAX_LISTED = 50;

function printReport(report: VerifyReport): void {
  if (report.ok) {
    process.stdout.write(
      `audit verify: OK: ${report.events} events in ${report.streams} stream(s); every hash, revision and position checks; ` +
        `head ${report.head.hash} at position ${report.head.position}${report.storedHead ? ' (equals log_head)' : ''}\n`,
    );
    return;
  }
  process.stdout.write(`audit verify: FAILED: ${report.faults.length} fault(s) in ${report.events} events\n`);
  process.stdout.write(`first: ${describeFault(report.first!)}\n`);
  for (const f of report.faults.slice(1, MAX_LISTED)) process.stdout.write(`  ${describeFault(f)}\n`);
  if (report.faults.length > MAX_LISTED) process.stdout.write(`  … and ${report.faults.length - MAX_LISTED} more\n`);
}

interface VerifyOptions {
  anchor?: string;
  'public-key'?: string;
  json?: boolean;
}

/** `audit verify [--anchor file [--public-key file]] [--json]`: exit 0 when intact, 1 when a fault is found. */
async function auditVerify(values: VerifyOptions): Promise<number> {
  const path = sqliteLogPath();
  if (!existsSync(path)) {
    process.stderr.write(`no event log at ${path} (set DATA_DIR or EVENT_STORE_PATH)\n`);
    return 2;
  }
  if (!values.anchor) {
    const report = verifyLog(path);
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printReport(report);
    return report.ok ? 0 : 1;
  }
  const anchor = parseAnchor(readFileSync(values.anchor, 'utf8'));
  // Without --public-key: the keyring beside AUDIT_KEY_PATH, where the anchor's keyFingerprint names its key.
  const keyring = () => readAuditKeyring(auditKeyPathFrom(process.env));
  const kept = values['public-key'] ? readPublicKey(readFileSync(values['public-key'])) : keyring();
  const check = checkAnchor(path, anchor, kept);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
    return check.ok ? 0 : 1;
  }
  if (!check.trustedKey)
    process.stdout.write(
      'warning: no trusted public key (--public-key, or the audit keyring) signed it: the key inside the anchor was used\n',
    );
  if (check.ok) {
    process.stdout.write(
      `audit verify --anchor: OK: the log up to position ${anchor.position} is unchanged since the anchor of ${anchor.createdAt} ` +
        `(head ${anchor.head}, signed by key ${anchor.keyFingerprint.slice(0, 16)}…)\n`,
    );
    return 0;
  }
  process.stdout.write(`audit verify --anchor: FAILED against the anchor of ${anchor.createdAt} (position ${anchor.position})\n`);
  for (const p of check.problems) process.stdout.write(`  ${p}\n`);
  if (check.report.first) process.stdout.write(`first: ${describeFault(check.report.first)}\n`);
  return 1;
}

@SubCommand({
  name: 'verify',
  description: 'recompute every hash of the SQLite log; name the first altered, missing or reordered event (exit 1)',
})
export class AuditVerifyCommand extends CliCommand<VerifyOptions> {
  execute(_params: string[], options: VerifyOptions): Promise<number> {
    return auditVerify(options);
  }

  @Option({
    flags: '--anchor <file>',
    description:
      'check the log against a signed anchor (audit anchor), with its key from --public-key or from the keyring beside ' +
      'AUDIT_KEY_PATH; a keyring that group or others may write (the directory or a key in it) is refused: exit 1, nothing checked',
  })
  anchor(value: string): string {
    return value;
  }

  @Option({ name: 'public-key', flags: '--public-key <file>', description: "the anchor key's PEM kept by the auditor (audit public-key)" })
  publicKey(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'the report as JSON' })
  json(): boolean {
    return true;
  }
}

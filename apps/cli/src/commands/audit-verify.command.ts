import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkAnchor, describeFault, parseAnchor, readAuditKeyring, readPublicKey, verifyLog, type VerifyReport } from '#audit';
import { auditKeyPathFrom } from '../../../api/src/config/security.config.js';
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

/** `audit verify [--anchor file [--public-key file]] [--json]`: exit 0 when intact, 1 when a fault is found. */
export async function auditVerifyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { anchor: { type: 'string' }, 'public-key': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
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
  const kept = values['public-key'] ? readPublicKey(readFileSync(values['public-key'])) : readAuditKeyring(auditKeyPathFrom(process.env));
  const check = checkAnchor(path, anchor, kept);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
    return check.ok ? 0 : 1;
  }
  if (!check.trustedKey)
    process.stdout.write(
      'warning: no trusted public key (--public-key, or the audit keyring) has signed it: the key inside the anchor was used\n',
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

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeFault, loadOrCreateAuditKey, signAnchor, verifyLog } from '#audit';
import { auditKeyPathFrom } from '../../../api/src/config/security.config.js';
import { sqliteLogPath } from './audit-env.js';

/** `audit anchor [--out file] [--force]`: verifies the log, then signs its head with the key at AUDIT_KEY_PATH (default in DATA_DIR). */
export async function auditAnchorCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const report = verifyLog(sqliteLogPath());
  if (!report.ok && !values.force) {
    process.stderr.write(
      `refusing to anchor a log that fails verification (--force to anchor anyway)\nfirst: ${describeFault(report.first!)}\n`,
    );
    return 1;
  }
  const anchor = signAnchor(report, loadOrCreateAuditKey(auditKeyPathFrom(process.env)), new Date());
  const text = `${JSON.stringify(anchor, null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, text);
    process.stderr.write(
      `anchor of position ${anchor.position} (head ${anchor.head}, key ${anchor.keyFingerprint}) written to ${values.out}\n`,
    );
  } else process.stdout.write(text);
  return 0;
}

/** `audit public-key [--out file]`: the SPKI PEM of the anchor-signing key, for auditors to keep. */
export async function auditPublicKeyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const key = loadOrCreateAuditKey(auditKeyPathFrom(process.env));
  if (values.out) {
    writeFileSync(values.out, key.publicKeyPem);
    process.stderr.write(`public key (sha256 ${key.fingerprint}) written to ${values.out}\n`);
  } else process.stdout.write(key.publicKeyPem);
  return 0;
}

import { writeFileSync } from 'node:fs';
import { Option, SubCommand } from 'nest-commander';
import { describeFault, loadOrCreateAuditKey, signAnchor, verifyLog } from '#audit';
import { CliCommand } from '../cli-command.js';
import { auditKeyPathFrom } from '../../../api/src/config/security.config.js';
import { createDataDirectories, sqliteLogPath } from './audit-env.js';

/** `audit anchor [--out file] [--force]`: verifies the log, then signs its head with the key at AUDIT_KEY_PATH (default in DATA_DIR). */
async function auditAnchor(values: { out?: string; force?: boolean }): Promise<number> {
  const report = verifyLog(sqliteLogPath());
  if (!report.ok && !values.force) {
    process.stderr.write(
      `refusing to anchor a log that fails verification (--force to anchor anyway)\nfirst: ${describeFault(report.first!)}\n`,
    );
    return 1;
  }
  createDataDirectories(); // the key's default place
  const anchor = signAnchor(report, loadOrCreateAuditKey(auditKeyPathFrom(process.env)), new Date());
  const text = `${JSON.stringify(anchor, null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, text);
    process.stderr.write(`anchor of position ${anchor.position} (head ${anchor.head}) written to ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}

/** `audit public-key [--out file]`: the SPKI PEM of the anchor-signing key, for auditors to keep. */
async function auditPublicKey(values: { out?: string }): Promise<number> {
  createDataDirectories(); // the key's default place
  const key = loadOrCreateAuditKey(auditKeyPathFrom(process.env));
  if (values.out) {
    writeFileSync(values.out, key.publicKeyPem);
    process.stderr.write(`public key (sha256 ${key.fingerprint}) written to ${values.out}\n`);
  } else process.stdout.write(key.publicKeyPem);
  return 0;
}

@SubCommand({
  name: 'anchor',
  description: 'sign the verified head of the log with the Ed25519 key at AUDIT_KEY_PATH (default DATA_DIR/audit-ed25519.pem)',
})
export class AuditAnchorCommand extends CliCommand<{ out?: string; force?: boolean }> {
  execute(_params: string[], options: { out?: string; force?: boolean }): Promise<number> {
    return auditAnchor(options);
  }

  @Option({ flags: '--out <file>', description: 'write the anchor (JSON) to a file rather than stdout' })
  out(value: string): string {
    return value;
  }

  @Option({ flags: '--force', description: 'anchor even a log that fails verification' })
  force(): boolean {
    return true;
  }
}

@SubCommand({ name: 'public-key', description: 'the anchor-signing public key (PEM), for auditors to keep' })
export class AuditPublicKeyCommand extends CliCommand<{ out?: string }> {
  execute(_params: string[], options: { out?: string }): Promise<number> {
    return auditPublicKey(options);
  }

  @Option({ flags: '--out <file>', description: 'write the PEM to a file rather than stdout' })
  out(value: string): string {
    return value;
  }
}

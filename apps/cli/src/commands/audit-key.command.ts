import { SubCommand } from 'nest-commander';
import { rotateAuditKey } from '#audit';
import { auditKeyPathFrom } from '../../../api/src/config/security.config.js';
import { CliCommand } from '../cli-command.js';
import { createDataDirectories } from './audit-env.js';

/**
 * `audit rotate-key`: a new Ed25519 key signs the anchors from now on (AUDIT_KEY_PATH, default DATA_DIR/audit-ed25519.pem).
 * The previous private key is overwritten; its public key stays in the keyring beside the key, so that
 * `audit verify --anchor` still checks the anchors it signed.
 */
@SubCommand({ name: 'rotate-key', description: 'a new anchor-signing key; the previous public key stays in the keyring' })
export class AuditRotateKeyCommand extends CliCommand {
  async execute(): Promise<number> {
    createDataDirectories(); // the key's default place
    const keyPath = auditKeyPathFrom(process.env);
    const { previous, current, keyringFile } = rotateAuditKey(keyPath);
    process.stdout.write(
      [
        `audit rotate-key: anchors are now signed by key ${current.fingerprint} (${keyPath}, mode 600)`,
        previous
          ? `the previous key ${previous.fingerprint} is retired: its public key stays in the keyring for the anchors it signed`
          : 'there was no previous key',
        `new public key: ${keyringFile}: give it to the auditors (npm run cli -- audit public-key --out file)`,
        '',
      ].join('\n'),
    );
    return 0;
  }
}

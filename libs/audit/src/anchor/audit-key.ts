import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** The key's file name in DATA_DIR when AUDIT_KEY_PATH does not put it elsewhere. */
export const AUDIT_KEY_FILE = 'audit-ed25519.pem';

export interface AuditKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM: what auditors keep. */
  publicKeyPem: string;
  /** sha256 of the SPKI DER, hex: the key id anchors name (`keyFingerprint`) and the keyring files by. */
  fingerprint: string;
}

export function publicKeyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function toAuditKey(privateKey: KeyObject): AuditKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

/** The existing key, or undefined. Refuses a key file group or others may read. */
export function loadAuditKey(keyPath: string): AuditKey | undefined {
  if (!existsSync(keyPath)) return undefined;
  const mode = statSync(keyPath).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `refusing the audit signing key ${keyPath}: group or others may read it (mode ${mode.toString(8)}); ` +
        'it must be readable by its owner only (chmod 600)',
    );
  }
  const privateKey = createPrivateKey(readFileSync(keyPath));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${keyPath} is not an Ed25519 private key`);
  return toAuditKey(privateKey);
}

/** A public key an auditor kept (SPKI PEM). */
export function readPublicKey(pem: string | Buffer): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key is not an Ed25519 key');
  return key;
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIT_KEY_FILE = 'audit-ed25519.pem';

export interface AuditKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM: what auditors keep. */
  publicKeyPem: string;
  /** sha256 of the SPKI DER, hex: names the key in anchors. */
  fingerprint: string;
}

export function publicKeyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function toAuditKey(privateKey: KeyObject): AuditKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

/** The anchor-signing key of this DATA_DIR (PKCS#8 PEM, mode 0600), created on first use. */
export function loadOrCreateAuditKey(dataDir: string): AuditKey {
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (existsSync(file)) return loadAuditKey(dataDir)!;
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return toAuditKey(privateKey);
}

/** The existing key, or undefined. Refuses a key file others may read. */
export function loadAuditKey(dataDir: string): AuditKey | undefined {
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) return undefined;
  if ((statSync(file).mode & 0o077) !== 0) throw new Error(`${file} must be readable by its owner only (chmod 600)`);
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
  return toAuditKey(privateKey);
}

/** A public key an auditor kept (SPKI PEM). */
export function readPublicKey(pem: string | Buffer): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key is not an Ed25519 key');
  return key;
}

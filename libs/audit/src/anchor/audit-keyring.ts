import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AuditKey, loadAuditKey, publicKeyFingerprint, readPublicKey, toAuditKey } from './audit-key.js';

/**
 * The public keys of every anchor-signing key used so far, `<keyFingerprint>.pub.pem`, in `audit-keyring/` beside
 * the private key: anchors name the key that signed them, so an anchor made before a rotation still verifies.
 */
export function auditKeyringDir(keyPath: string): string {
  return join(dirname(keyPath), 'audit-keyring');
}

function keepPublicKey(keyPath: string, key: AuditKey): string {
  const dir = auditKeyringDir(keyPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${key.fingerprint}.pub.pem`);
  if (!existsSync(file)) writeFileSync(file, key.publicKeyPem, { mode: 0o644 });
  return file;
}

/** Writes a new Ed25519 key (PKCS#8 PEM, mode 0600) in one rename, so that `keyPath` is never half written. */
function writeNewKey(keyPath: string): AuditKey {
  mkdirSync(dirname(keyPath), { recursive: true, mode: 0o700 });
  const key = toAuditKey(generateKeyPairSync('ed25519').privateKey);
  const partial = `${keyPath}.${randomUUID()}.partial`;
  try {
    writeFileSync(partial, key.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    chmodSync(partial, 0o600);
    keepPublicKey(keyPath, key);
    renameSync(partial, keyPath);
  } finally {
    rmSync(partial, { force: true });
  }
  return key;
}

/** The anchor-signing key at `keyPath` (AUDIT_KEY_PATH, by default DATA_DIR/audit-ed25519.pem), created on first use. */
export function loadOrCreateAuditKey(keyPath: string): AuditKey {
  return loadAuditKey(keyPath) ?? writeNewKey(keyPath);
}

export interface KeyRotation {
  /** The key that signed until now: its public key stays in the keyring; its private key is gone. */
  previous?: AuditKey;
  current: AuditKey;
  keyringFile: string;
}

/** `audit rotate-key`: a new key signs from now on; the previous public key stays in the keyring for older anchors. */
export function rotateAuditKey(keyPath: string): KeyRotation {
  const previous = loadAuditKey(keyPath);
  if (previous) keepPublicKey(keyPath, previous);
  const current = writeNewKey(keyPath);
  return { previous, current, keyringFile: join(auditKeyringDir(keyPath), `${current.fingerprint}.pub.pem`) };
}

/** Refuses a keyring directory or key file that group or others may write: a key put there would vouch for their anchors. */
function refuseIfOthersMayWrite(path: string, chmod: string): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o022) === 0) return;
  throw new Error(
    `refusing the audit keyring: group or others may write ${path} (mode ${mode.toString(8)}), so a key put there would ` +
      `make a forged anchor show as trusted; make it writable by its owner only (chmod ${chmod}), or pass --public-key file`,
  );
}

/**
 * The public keys this machine trusts, by fingerprint: the keyring's and the current key's (a key made before keyrings).
 * Throws if group or others may write the keyring directory or a key file in it.
 */
export function readAuditKeyring(keyPath: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const dir = auditKeyringDir(keyPath);
  if (existsSync(dir)) refuseIfOthersMayWrite(dir, '700');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pub.pem')) : [];
  for (const file of files) {
    refuseIfOthersMayWrite(join(dir, file), '644');
    const key = readPublicKey(readFileSync(join(dir, file)));
    keys.set(publicKeyFingerprint(key), key);
  }
  const current = loadAuditKey(keyPath);
  if (current) keys.set(current.fingerprint, current.publicKey);
  return keys;
}

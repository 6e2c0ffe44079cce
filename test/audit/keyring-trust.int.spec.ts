import { mkdtempSync, readdirSync, rmSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AUDIT_KEY_FILE,
  auditKeyringDir,
  checkAnchor,
  loadOrCreateAuditKey,
  readAuditKeyring,
  rotateAuditKey,
  signAnchor,
  verifyLog,
} from '#audit';
import { buildLog } from './support/tamper.js';

describe('the audit keyring is trusted only while nobody but its owner may write it', () => {
  let umask: number;
  let dir: string;
  let keyPath: string;
  // The usual umask, which makes 0755 directories.
  beforeAll(() => {
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-keyring-'));
    keyPath = join(dir, 'keys', AUDIT_KEY_FILE);
    await buildLog(join(dir, 'events.sqlite'));
    rotateAuditKey(keyPath);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** What someone who may write the keyring can do: sign with a key of their own and put its public key there. */
  function forge(): ReturnType<typeof signAnchor> {
    const theirs = loadOrCreateAuditKey(join(dir, 'intruder', AUDIT_KEY_FILE));
    writeFileSync(join(auditKeyringDir(keyPath), `${theirs.fingerprint}.pub.pem`), theirs.publicKeyPem, { mode: 0o644 });
    return signAnchor(verifyLog(join(dir, 'events.sqlite')), theirs, new Date());
  }

  it('is created 0700, beside a key directory created 0700, whatever the umask', () => {
    expect(statSync(auditKeyringDir(keyPath)).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(readdirSync(auditKeyringDir(keyPath)).map((f) => statSync(join(auditKeyringDir(keyPath), f)).mode & 0o777)).toEqual([0o644]);
  });

  it.each(['770', '757', '775'])('a keyring directory of mode %s, where a forged anchor would find its key, is refused', (mode) => {
    const forged = forge();
    chmodSync(auditKeyringDir(keyPath), parseInt(mode, 8));
    expect(() => checkAnchor(join(dir, 'events.sqlite'), forged, readAuditKeyring(keyPath))).toThrow(
      `refusing the audit keyring: group or others may write ${auditKeyringDir(keyPath)} (mode ${mode})`,
    );
    expect(() => readAuditKeyring(keyPath)).toThrow('(chmod 700), or pass --public-key file');
  });

  it('a key file that group or others may write is refused', () => {
    forge();
    const [file] = readdirSync(auditKeyringDir(keyPath)).filter((f) => !f.startsWith(loadOrCreateAuditKey(keyPath).fingerprint));
    chmodSync(join(auditKeyringDir(keyPath), file!), 0o664);
    expect(() => readAuditKeyring(keyPath)).toThrow(`group or others may write ${join(auditKeyringDir(keyPath), file!)} (mode 664)`);
    expect(() => readAuditKeyring(keyPath)).toThrow('(chmod 644)');
  });
});

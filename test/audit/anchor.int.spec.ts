import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AUDIT_KEY_FILE,
  auditKeyringDir,
  checkAnchor,
  loadAuditKey,
  loadOrCreateAuditKey,
  parseAnchor,
  readAuditKeyring,
  readPublicKey,
  rotateAuditKey,
  signAnchor,
  verifyLog,
} from '#audit';
import { SqliteEventStore } from '#event-store';
import { alterAndRehash, buildLog, changeOneByte } from './support/tamper.js';

describe('signed anchors: the log up to a kept head is unchanged', () => {
  let dir: string;
  let path: string;
  let keyPath: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-anchor-'));
    path = join(dir, 'events.sqlite');
    keyPath = join(dir, AUDIT_KEY_FILE);
    await buildLog(path);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const anchorNow = () => signAnchor(verifyLog(path), loadOrCreateAuditKey(keyPath), new Date('2023-09-02T00:00:00Z'));

  it('the Ed25519 key file has mode 0600, is reused, and its public key is exportable and kept in the keyring', () => {
    const key = loadOrCreateAuditKey(keyPath);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(loadOrCreateAuditKey(keyPath).fingerprint).toBe(key.fingerprint);
    expect(readPublicKey(key.publicKeyPem).asymmetricKeyType).toBe('ed25519');
    expect(readdirSync(auditKeyringDir(keyPath))).toEqual([`${key.fingerprint}.pub.pem`]);
    for (const loose of [0o644, 0o640, 0o604]) {
      chmodSync(keyPath, loose);
      expect(() => loadAuditKey(keyPath)).toThrow(/group or others may read it \(mode 6\d\d\).*\(chmod 600\)/);
    }
  });

  it('an anchor verifies with the kept public key, and still does after later appends', async () => {
    const anchor = parseAnchor(JSON.stringify(anchorNow()));
    expect(anchor).toMatchObject({ position: '10', events: 10 });
    const kept = readPublicKey(loadOrCreateAuditKey(keyPath).publicKeyPem);
    expect(checkAnchor(path, anchor, kept)).toMatchObject({ ok: true, signatureValid: true, headMatches: true, trustedKey: true });
    const store = new SqliteEventStore({ path });
    await store.appendToStream('project-c', [{ id: randomUUID(), type: 'project.intention_declared', data: { title: 'later' } }], {
      expectedRevision: 'no_stream',
    });
    await store.close();
    expect(checkAnchor(path, anchor, kept).ok).toBe(true);
    expect(verifyLog(path).head.position).toBe(11);
  });

  it('rewriting an event and every hash after it fools a plain verify, not the anchor', () => {
    const anchor = anchorNow();
    const kept = loadOrCreateAuditKey(keyPath).publicKey;
    alterAndRehash(path, 5);
    expect(verifyLog(path).ok).toBe(true);
    const check = checkAnchor(path, anchor, kept);
    expect(check).toMatchObject({ ok: false, signatureValid: true, headMatches: false });
    expect(check.problems.join('\n')).toMatch(/up to position 10 no longer gives the anchored head/);
  });

  it('a tampered row before the anchored position fails the anchor check and is named', () => {
    const anchor = anchorNow();
    changeOneByte(path, 3);
    const check = checkAnchor(path, anchor, loadOrCreateAuditKey(keyPath).publicKey);
    expect(check.ok).toBe(false);
    expect(check.report.first).toMatchObject({ kind: 'hash_mismatch', position: 3, streamId: 'project-a', revision: 1 });
  });

  it('an altered anchor, or one signed by another key, is refused', () => {
    const anchor = anchorNow();
    const kept = loadOrCreateAuditKey(keyPath).publicKey;
    expect(checkAnchor(path, { ...anchor, position: '9' }, kept)).toMatchObject({ ok: false, signatureValid: false });
    const otherDir = mkdtempSync(join(tmpdir(), 'refonda-anchor-other-'));
    try {
      const forged = signAnchor(verifyLog(path), loadOrCreateAuditKey(join(otherDir, AUDIT_KEY_FILE)), new Date());
      const check = checkAnchor(path, forged, kept);
      expect(check.ok).toBe(false);
      expect(check.problems.join('\n')).toMatch(/another key/);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('after rotate-key, new anchors name the new key and anchors of the retired key verify through the keyring', () => {
    const before = anchorNow();
    const { previous, current } = rotateAuditKey(keyPath);
    expect(previous!.fingerprint).toBe(before.keyFingerprint);
    expect(current.fingerprint).not.toBe(before.keyFingerprint);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(keyPath)!.fingerprint).toBe(current.fingerprint);
    const after = anchorNow();
    expect(after.keyFingerprint).toBe(current.fingerprint);
    const keyring = readAuditKeyring(keyPath);
    expect([...keyring.keys()].sort()).toEqual([before.keyFingerprint, current.fingerprint].sort());
    expect(checkAnchor(path, before, keyring)).toMatchObject({ ok: true, trustedKey: true, signatureValid: true });
    expect(checkAnchor(path, after, keyring)).toMatchObject({ ok: true, trustedKey: true });
    // The retired key no longer signs, and the current key alone does not vouch for the old anchor.
    expect(checkAnchor(path, before, current.publicKey).ok).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('a key made before keyrings existed (a bare key file): its anchors verify before and after a rotation', () => {
    const legacy = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(keyPath, legacy, { mode: 0o600 });
    const old = anchorNow();
    expect(existsSync(auditKeyringDir(keyPath))).toBe(false);
    expect(checkAnchor(path, old, readAuditKeyring(keyPath))).toMatchObject({ ok: true, trustedKey: true });
    rotateAuditKey(keyPath);
    expect(checkAnchor(path, old, readAuditKeyring(keyPath))).toMatchObject({ ok: true, trustedKey: true });
  });

  it('an anchor by a key the keyring does not hold is refused, naming it', () => {
    loadOrCreateAuditKey(keyPath);
    const otherDir = mkdtempSync(join(tmpdir(), 'refonda-anchor-stranger-'));
    try {
      const stranger = signAnchor(verifyLog(path), loadOrCreateAuditKey(join(otherDir, AUDIT_KEY_FILE)), new Date());
      const check = checkAnchor(path, stranger, readAuditKeyring(keyPath));
      expect(check).toMatchObject({ ok: false, trustedKey: false });
      expect(check.problems.join('\n')).toContain(
        `signed with key ${stranger.keyFingerprint.slice(0, 16)}…, which is none of the 1 trusted`,
      );
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('the key can live outside DATA_DIR (AUDIT_KEY_PATH): its keyring is beside it, nothing is written to DATA_DIR', () => {
    const holder = mkdtempSync(join(tmpdir(), 'refonda-key-holder-'));
    try {
      const outside = join(holder, 'refonda-anchors.pem');
      const anchor = signAnchor(verifyLog(path), loadOrCreateAuditKey(outside), new Date());
      expect(readdirSync(holder).sort()).toEqual(['audit-keyring', 'refonda-anchors.pem']);
      expect(readdirSync(dir).filter((f) => !f.startsWith('events.sqlite'))).toEqual([]);
      expect(checkAnchor(path, anchor, readAuditKeyring(outside)).ok).toBe(true);
    } finally {
      rmSync(holder, { recursive: true, force: true });
    }
  });
});

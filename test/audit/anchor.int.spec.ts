import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { AUDIT_KEY_FILE, checkAnchor, loadAuditKey, loadOrCreateAuditKey, parseAnchor, readPublicKey, signAnchor, verifyLog } from '#audit';
import { SqliteEventStore } from '#event-store';
import { alterAndRehash, buildLog, changeOneByte } from './support/tamper.js';

describe('signed anchors: the log up to a kept head is unchanged', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-anchor-'));
    path = join(dir, 'events.sqlite');
    await buildLog(path);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const anchorNow = () => signAnchor(verifyLog(path), loadOrCreateAuditKey(dir), new Date('2023-09-02T00:00:00Z'));

  it('the Ed25519 key lives in DATA_DIR with mode 0600, is reused, and its public key is exportable', () => {
    const key = loadOrCreateAuditKey(dir);
    expect(statSync(join(dir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(loadOrCreateAuditKey(dir).fingerprint).toBe(key.fingerprint);
    expect(readPublicKey(key.publicKeyPem).asymmetricKeyType).toBe('ed25519');
    chmodSync(join(dir, AUDIT_KEY_FILE), 0o644);
    expect(() => loadAuditKey(dir)).toThrow(/chmod 600/);
  });

  it('an anchor verifies with the kept public key, and still does after later appends', async () => {
    const anchor = parseAnchor(JSON.stringify(anchorNow()));
    expect(anchor).toMatchObject({ position: '10', events: 10 });
    const kept = readPublicKey(loadOrCreateAuditKey(dir).publicKeyPem);
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
    const kept = loadOrCreateAuditKey(dir).publicKey;
    alterAndRehash(path, 5);
    expect(verifyLog(path).ok).toBe(true);
    const check = checkAnchor(path, anchor, kept);
    expect(check).toMatchObject({ ok: false, signatureValid: true, headMatches: false });
    expect(check.problems.join('\n')).toMatch(/up to position 10 no longer gives the anchored head/);
  });

  it('a tampered row before the anchored position fails the anchor check and is named', () => {
    const anchor = anchorNow();
    changeOneByte(path, 3);
    const check = checkAnchor(path, anchor, loadOrCreateAuditKey(dir).publicKey);
    expect(check.ok).toBe(false);
    expect(check.report.first).toMatchObject({ kind: 'hash_mismatch', position: 3, streamId: 'project-a', revision: 1 });
  });

  it('an altered anchor, or one signed by another key, is refused', () => {
    const anchor = anchorNow();
    const kept = loadOrCreateAuditKey(dir).publicKey;
    expect(checkAnchor(path, { ...anchor, position: '9' }, kept)).toMatchObject({ ok: false, signatureValid: false });
    const otherDir = mkdtempSync(join(tmpdir(), 'refonda-anchor-other-'));
    try {
      const forged = signAnchor(verifyLog(path), loadOrCreateAuditKey(otherDir), new Date());
      const check = checkAnchor(path, forged, kept);
      expect(check.ok).toBe(false);
      expect(check.problems.join('\n')).toMatch(/another key/);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

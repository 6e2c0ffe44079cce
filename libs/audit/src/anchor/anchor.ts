import { KeyObject, sign, verify } from 'node:crypto';
import { verifyLog } from '../verify/verify-log.js';
import type { VerifyReport } from '../verify/verify.types.js';
import { type AuditKey, publicKeyFingerprint, readPublicKey } from './audit-key.js';

export const ANCHOR_FORMAT = 'refonda-audit-anchor/1';

/** A signed head of the log, for auditors to keep outside the system. */
export interface Anchor {
  format: typeof ANCHOR_FORMAT;
  /** The last global position covered. */
  position: string;
  /** The chained head over global order up to `position` (hash-chain.ts headHash). */
  head: string;
  events: number;
  createdAt: string;
  publicKey: string;
  keyFingerprint: string;
  /** Ed25519 over `signedText(anchor)`, base64. */
  signature: string;
}

const signedText = (a: Pick<Anchor, 'format' | 'position' | 'head' | 'events' | 'createdAt' | 'keyFingerprint'>) =>
  [a.format, a.position, a.head, a.events, a.createdAt, a.keyFingerprint].join('\n');

/** Signs the head of a verified log. */
export function signAnchor(report: VerifyReport, key: AuditKey, createdAt: Date): Anchor {
  const body = {
    format: ANCHOR_FORMAT,
    position: String(report.head.position),
    head: report.head.hash,
    events: report.events,
    createdAt: createdAt.toISOString(),
    keyFingerprint: key.fingerprint,
  } as const;
  return { ...body, publicKey: key.publicKeyPem, signature: sign(null, Buffer.from(signedText(body)), key.privateKey).toString('base64') };
}

export interface AnchorCheck {
  ok: boolean;
  /** The signature is valid under the trusted key. */
  signatureValid: boolean;
  /** The key used: the trusted one given or found in the keyring, else the one inside the anchor (then `trustedKey` is false). */
  trustedKey: boolean;
  /** The log up to the anchor's position gives the anchor's head. */
  headMatches: boolean;
  anchor: Anchor;
  report: VerifyReport;
  problems: string[];
}

export function parseAnchor(text: string): Anchor {
  const a = JSON.parse(text) as Partial<Anchor>;
  if (
    a.format !== ANCHOR_FORMAT ||
    typeof a.position !== 'string' ||
    !/^\d+$/.test(a.position) ||
    typeof a.head !== 'string' ||
    typeof a.signature !== 'string' ||
    typeof a.publicKey !== 'string' ||
    typeof a.createdAt !== 'string' ||
    typeof a.keyFingerprint !== 'string'
  ) {
    throw new Error(`not a ${ANCHOR_FORMAT} file`);
  }
  return a as Anchor;
}

/** One public key the auditor kept, or a keyring of them by fingerprint (the anchor names its key). */
export type TrustedKeys = KeyObject | ReadonlyMap<string, KeyObject>;

/** The key to check the anchor with, and whether it is trusted (else the key inside the anchor, which proves nothing). */
function keyFor(anchor: Anchor, trusted: TrustedKeys | undefined, problems: string[]): { key: KeyObject; trustedKey: boolean } {
  if (trusted instanceof KeyObject) return { key: trusted, trustedKey: true };
  const embedded = readPublicKey(anchor.publicKey);
  if (trusted === undefined || trusted.size === 0) return { key: embedded, trustedKey: false };
  const kept = trusted.get(anchor.keyFingerprint);
  if (kept) return { key: kept, trustedKey: true };
  problems.push(
    `the anchor was signed with key ${anchor.keyFingerprint.slice(0, 16)}…, ` +
      `which is none of the ${trusted.size} trusted key(s) of the keyring`,
  );
  return { key: embedded, trustedKey: false };
}

/**
 * Proves that the log up to the anchor's head is unchanged: the signature holds under the trusted public key
 * (kept by the auditor, or found in the keyring by the fingerprint the anchor names; else the key inside the anchor,
 * which proves nothing against someone holding the private key), and the head recomputed from the raw rows up to
 * the anchor's position equals the signed head.
 */
export function checkAnchor(eventLogPath: string, anchor: Anchor, trusted?: TrustedKeys): AnchorCheck {
  const problems: string[] = [];
  const { key, trustedKey } = keyFor(anchor, trusted, problems);
  if (publicKeyFingerprint(key) !== anchor.keyFingerprint) problems.push('the anchor was signed with another key than the trusted one');
  const signatureValid = verify(null, Buffer.from(signedText(anchor)), key, Buffer.from(anchor.signature, 'base64'));
  if (!signatureValid) problems.push('the anchor signature is invalid: the anchor was altered or signed with another key');
  const report = verifyLog(eventLogPath, { upTo: Number(anchor.position) });
  const headMatches = report.head.position === Number(anchor.position) && report.head.hash === anchor.head;
  if (!headMatches) {
    problems.push(
      `the log up to position ${anchor.position} no longer gives the anchored head ${anchor.head.slice(0, 12)}… ` +
        `(recomputed ${report.head.hash.slice(0, 12)}… at position ${report.head.position})`,
    );
  }
  if (!report.ok) problems.push(`${report.faults.length} fault(s) in the log up to position ${anchor.position}`);
  return { ok: problems.length === 0, signatureValid, trustedKey, headMatches, anchor, report, problems };
}

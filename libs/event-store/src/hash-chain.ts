import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a stored event that its hash covers, exactly as they are stored. */
export interface HashedFields {
  streamId: string;
  revision: bigint | number;
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  recordedAtMs: number;
}

/** Chains an event to the previous event of its stream (tamper evidence per stream). */
export function eventHash(previousHash: string, f: HashedFields): string {
  return hash(
    'sha256',
    `${previousHash}\n${f.streamId}\n${f.revision}\n${f.eventId}\n${f.type}\n` +
      `${f.schemaVersion}\n${f.dataJson}\n${f.metadataJson}\n${f.recordedAtMs}`,
  );
}

/** Chains the log's head over global order: each event's hash folded into the previous head. */
export function headHash(previousHead: string, position: bigint | number, eventHashHex: string): string {
  return hash('sha256', `${previousHead}\n${position}\n${eventHashHex}`);
}

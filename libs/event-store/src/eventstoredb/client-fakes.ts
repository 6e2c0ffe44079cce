// Test support: stand-ins for what the gRPC layer hands the EventStoreDB client (not fakes of our store).
import { NotLeaderError } from '@eventstore/db-client';
import type { ClientEvent } from './eventstoredb.events.js';

/** A gRPC ServiceError as the client receives it: status code, message, trailing metadata. */
export function serviceError(code: number, metadata: Record<string, string> = {}): any {
  return { code, details: 'from the server', message: `${code} from the server`, metadata: { getMap: () => metadata } };
}

export const notLeader = () =>
  new NotLeaderError(serviceError(5, { exception: 'not-leader', 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' }));

/**
 * A transaction log as the client reads it: each append's events get consecutive revisions in
 * their stream and log offsets `recordSize` bytes apart (commit = prepare, as for gRPC appends).
 */
export function fakeLog(appends: { stream: string; events: number }[], firstOffset = 4096n, recordSize = 150n): ClientEvent[] {
  const revisions = new Map<string, bigint>();
  const log: ClientEvent[] = [];
  let offset = firstOffset;
  let n = 0;
  for (const a of appends) {
    for (let i = 0; i < a.events; i++) {
      const revision = revisions.get(a.stream) ?? 0n;
      revisions.set(a.stream, revision + 1n);
      log.push({
        streamId: a.stream,
        id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
        revision,
        type: 'Happened',
        data: { n },
        metadata: { schemaVersion: 1, appendIndex: i, metadata: { actor: 'test' } },
        created: new Date(1700000000000 + n),
        position: { commit: offset, prepare: offset },
      });
      offset += recordSize;
    }
  }
  return log;
}

import { describe, expect, it } from '@jest/globals';
import { AccessDeniedError, type AllStreamResolvedEvent, type ReadPosition, UnavailableError } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port.js';
import { AppendStarts } from './append-starts.js';
import { fakeLog, notLeader, serviceError } from './client-fakes.js';
import { isRetryable, mapClientError } from './eventstoredb.errors.js';
import { encodePosition } from './eventstoredb.position.js';
import { type ClientSubscription, resubscribingAll } from './eventstoredb.subscription.js';

const log = fakeLog([
  { stream: 'project-a', events: 3 },
  { stream: 'envelope-b', events: 2 },
  { stream: 'project-a', events: 1 },
  { stream: 'project-c', events: 4 },
  { stream: 'envelope-b', events: 2 },
]);

/**
 * Plays the client's subscribeToAll over the fake log: starts after `from` (exclusive, as the
 * server does), and each open in `drops` dies after that many events with the given error.
 */
function fakeServer(drops: { after: number; error: Error }[]) {
  const opened: ReadPosition[] = [];
  let unsubscribed = 0;
  const open = (from: ReadPosition): ClientSubscription => {
    opened.push(from);
    const drop = drops.shift();
    const events = from === 'start' ? log : log.filter((e) => e.position!.commit > (from as { commit: bigint }).commit);
    return {
      async *[Symbol.asyncIterator]() {
        let n = 0;
        for (const e of events) {
          if (drop && n++ === drop.after) throw drop.error;
          yield { event: e } as unknown as AllStreamResolvedEvent;
        }
        if (drop) throw drop.error;
        await new Promise(() => {}); // live: nothing more is appended
      },
      unsubscribe: async () => {
        unsubscribed++;
      },
    };
  };
  return { open, opened, unsubscribedCount: () => unsubscribed };
}

const lookup = async (stream: string, revision: bigint) =>
  log.find((e) => e.streamId === stream && e.revision === revision)?.position?.commit;

function deps(server: ReturnType<typeof fakeServer>) {
  return {
    open: server.open,
    appendStarts: () => new AppendStarts(lookup),
    isRetryable,
    mapError: (e: unknown) => mapClientError(e),
    delayMs: () => 1,
    upcast: (e: RecordedEvent) => e,
    track: () => () => {},
  };
}

async function take(server: ReturnType<typeof fakeServer>, count: number, from?: bigint) {
  const seen: RecordedEvent[] = [];
  await new Promise<void>((done, fail) => {
    const sub = resubscribingAll(deps(server), from).subscribe({
      next: (e) => {
        seen.push(e);
        if (seen.length === count) {
          sub.unsubscribe();
          done();
        }
      },
      error: fail,
    });
  });
  return seen;
}

const ids = (events: { id: string }[]) => events.map((e) => e.id);

describe('subscription with resubscribe on drop', () => {
  it('delivers the whole log in order, without gap or duplicate, across drops in the middle of appends', async () => {
    const server = fakeServer([
      { after: 2, error: notLeader() },
      { after: 3, error: new UnavailableError(serviceError(14)) },
      { after: 1, error: new UnavailableError(serviceError(14)) },
    ]);
    const seen = await take(server, log.length);
    expect(ids(seen)).toEqual(ids(log));
    const positions = seen.map((e) => e.position);
    for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
    expect(positions.slice(0, 3)).toEqual([0, 1, 2].map((k) => encodePosition(4096n, k)));
    // Each resubscription starts at the append holding the last delivered event (project-a, then envelope-b twice).
    const at = (offset: bigint) => ({ commit: offset, prepare: offset });
    expect(server.opened).toEqual(['start', at(4096n), at(4096n + 3n * 150n), at(4096n + 3n * 150n)]);
  });

  it('starts after a checkpoint in the middle of an append (exclusive)', async () => {
    const checkpoint = encodePosition(4096n + 6n * 150n, 1); // project-c, second event
    const seen = await take(fakeServer([]), 4, checkpoint);
    expect(ids(seen)).toEqual(ids(log.slice(8)));
  });

  it('reports an error a resubscription cannot fix as a store error, and stops', async () => {
    const server = fakeServer([{ after: 1, error: new AccessDeniedError(serviceError(16)) }]);
    const seen: RecordedEvent[] = [];
    const error = await new Promise((resolve) => resubscribingAll(deps(server)).subscribe({ next: (e) => seen.push(e), error: resolve }));
    expect(error).toMatchObject({ code: 'STORE_REJECTED' });
    expect(seen).toHaveLength(1);
    expect(server.opened).toHaveLength(1);
  });

  it('unsubscribes from the server when the consumer unsubscribes', async () => {
    const server = fakeServer([]);
    await take(server, 2);
    expect(server.unsubscribedCount()).toBe(1);
  });
});

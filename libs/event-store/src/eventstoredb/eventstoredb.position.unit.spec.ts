import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AppendStarts } from './append-starts.js';
import { fakeLog } from './client-fakes.js';
import { decodePosition, encodePosition, logOffsetOf, logStartOf, MAX_EVENTS_PER_APPEND } from './eventstoredb.position.js';

describe('position encoding', () => {
  it('round-trips (append start, index) and refuses what does not fit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 47n) - 1n }), fc.integer({ min: 0, max: MAX_EVENTS_PER_APPEND - 1 }), (start, index) => {
        const p = encodePosition(start, index);
        expect(decodePosition(p)).toEqual({ appendStart: start, index });
        expect(logStartOf(p)).toEqual({ commit: start, prepare: start });
        expect(p).toBeLessThan(1n << 63n);
      }),
    );
    expect(() => encodePosition(0n, 0)).toThrow(RangeError);
    expect(() => encodePosition(10n, MAX_EVENTS_PER_APPEND)).toThrow(RangeError);
  });

  it('is strictly increasing over the log and contiguous inside each append, whatever the record sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ stream: fc.constantFrom('project-a', 'envelope-b', 'project-c'), events: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.bigInt({ min: 1n, max: 400n }),
        async (appends, recordSize) => {
          const log = fakeLog(appends, 4096n, recordSize);
          const starts = new AppendStarts(async () => {
            throw new Error('no lookup needed for a whole log');
          });
          starts.learn(log);
          const positions = await Promise.all(log.map((e) => starts.positionOf(e)));
          for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
          let at = 0;
          for (const a of appends) {
            const mine = positions.slice(at, at + a.events);
            expect(mine).toEqual(mine.map((_, k) => mine[0]! + BigInt(k)));
            at += a.events;
          }
        },
      ),
    );
  });

  it('treats a missing or unset $all position (old server, stream read) as unknown', () => {
    expect(logOffsetOf(undefined)).toBeUndefined();
    expect(logOffsetOf({ commit: (1n << 64n) - 1n, prepare: (1n << 64n) - 1n })).toBeUndefined();
    expect(logOffsetOf({ commit: 0n, prepare: 0n })).toBeUndefined();
    expect(logOffsetOf({ commit: 4096n, prepare: 4096n })).toBe(4096n);
  });
});

describe('append starts', () => {
  const log = fakeLog([
    { stream: 'project-a', events: 4 },
    { stream: 'envelope-b', events: 3 },
  ]);

  it('looks up the start of an append read from its middle once, then remembers it', async () => {
    const lookups: string[] = [];
    const starts = new AppendStarts(async (stream, revision) => {
      lookups.push(`${stream}@${revision}`);
      return log.find((e) => e.streamId === stream && e.revision === revision)?.position?.commit;
    });
    const page = log.slice(2, 4).reverse();
    starts.learn(page);
    const positions = [];
    for (const e of page) positions.push(await starts.positionOf(e));
    expect(lookups).toEqual(['project-a@0']);
    expect(positions).toEqual([encodePosition(4096n, 3), encodePosition(4096n, 2)]);
  });

  it('refuses an event whose append start the server cannot give', async () => {
    const starts = new AppendStarts(async () => undefined);
    await expect(starts.positionOf({ ...log[1]!, position: undefined })).rejects.toMatchObject({ code: 'STORE_REJECTED' });
  });
});

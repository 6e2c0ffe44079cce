import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DeadlineExceededError, jsonEvent, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { isRetryable } from './eventstoredb.errors.js';
import { type RetryPolicy, withAppendRetry } from './eventstoredb.retry.js';
import { notLeader, serviceError } from './client-fakes.js';

type Call = { stream: string; ids: string[]; expectedRevision: unknown; events: unknown };

function fakeAppend(failures: Error[]) {
  const calls: Call[] = [];
  const append = async (stream: string, events: { id: string }[], options: { expectedRevision: unknown }) => {
    calls.push({ stream, ids: events.map((e) => e.id), expectedRevision: options.expectedRevision, events });
    const failure = failures.shift();
    if (failure) throw failure;
    return { success: true, nextExpectedRevision: 5n };
  };
  return { calls, append };
}

const waits: number[] = [];
const policy: RetryPolicy = {
  attempts: 5,
  delayMs: (n) => n * 10,
  isRetryable,
  sleep: async (ms) => {
    waits.push(ms);
  },
};

describe('append retry', () => {
  it('retries NotLeader, Unavailable and a timeout with the same event ids and the same expected revision', async () => {
    waits.length = 0;
    const { calls, append } = fakeAppend([notLeader(), new UnavailableError(serviceError(14)), new DeadlineExceededError(serviceError(4))]);
    const events = [
      jsonEvent({ id: randomUUID(), type: 'Opened', data: { n: 1 } }),
      jsonEvent({ id: randomUUID(), type: 'Noted', data: { n: 2 } }),
    ];
    const result = await withAppendRetry(append, policy)('envelope-1', events, { expectedRevision: 3n });
    expect(result.nextExpectedRevision).toBe(5n);
    expect(calls).toHaveLength(4);
    for (const c of calls) {
      expect(c).toMatchObject({ stream: 'envelope-1', ids: events.map((e) => e.id), expectedRevision: 3n });
      expect(c.events).toBe(events);
    }
    expect(waits).toEqual([10, 20, 30]);
  });

  it('does not retry an error a retry cannot fix', async () => {
    const wrong = new WrongExpectedVersionError(undefined, { streamName: 'envelope-1', expected: 3n, current: 4n });
    const { calls, append } = fakeAppend([wrong]);
    await expect(withAppendRetry(append, policy)('envelope-1', [], { expectedRevision: 3n })).rejects.toBe(wrong);
    expect(calls).toHaveLength(1);
  });

  it('gives up after the last attempt with the last error', async () => {
    const errors = Array.from({ length: 6 }, () => new UnavailableError(serviceError(14)));
    const { calls, append } = fakeAppend([...errors]);
    await expect(withAppendRetry(append, policy)('project-1', [], { expectedRevision: 'no_stream' })).rejects.toBe(errors[4]);
    expect(calls).toHaveLength(5);
  });
});

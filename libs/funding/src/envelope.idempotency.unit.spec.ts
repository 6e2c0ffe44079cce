import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { decodeEnvelopeState, encodeEnvelopeState } from './envelope.snapshot.js';
import { cmd, foldEvents, history, openHdf, paidThroughChain, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
const funded = () => history([openHdf(), cmd('NotifyCredits', { aeCents: 100_000, cpCents: 10_000 })]);
const notifications = (n: number) =>
  Array.from({ length: n }, (_, i) => cmd('NotifyCredits', { aeCents: 1, cpCents: 0, requestId: `n-${i}` }));

describe('request ids (Idempotency-Key) and the folded state', () => {
  it('keeps no request map: the state is the same size after 1,000 requests as after 10', () => {
    const after = (n: number) => foldEvents(history(notifications(n), funded()));
    const small = after(10);
    const large = after(1_000);
    expect(Object.keys(large)).not.toContain('requests');
    expect(JSON.stringify(encodeEnvelopeState(large)).length - JSON.stringify(encodeEnvelopeState(small)).length).toBeLessThan(10);
  });

  it('stamps every event with its request id and the fingerprint of the command', () => {
    const commit = cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 9_000, splitKey: 'cts-32-2', requestId: 'key-2' });
    const events = history([cmd('SetSplit', { split: { mode: 'soft', shares: { 'cts-32-2': 5_000 } } }), commit], funded()).slice(-2);
    expect(events.map((e) => [e.type, e.data.requestId, e.data.fingerprint])).toEqual([
      ['envelope.committed', 'key-2', stamp(commit).fingerprint],
      ['envelope.split_exceeded', 'key-2', stamp(commit).fingerprint],
    ]);
  });

  it('decides a command again whatever request id it carries: answering a retry is the application’s (handleRequest)', () => {
    const commit = cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 6_000, requestId: 'key-1' });
    spec
      .given(history([commit], funded()))
      .when(commit)
      .thenThrows('ENVELOPE_COMMITMENT_EXISTS');
    const notify = notifications(1)[0]!;
    spec
      .given(history([notify], funded()))
      .when(notify)
      .then((e) => expect(e.map((x) => x.type)).toEqual(['envelope.credits_notified']));
  });

  it('requires a request id', () => {
    spec
      .given(funded())
      .when({ ...cmd('NotifyCredits', { aeCents: 1, cpCents: 0 }), requestId: '' })
      .thenThrows('ENVELOPE_INVALID_REQUEST_ID');
    spec
      .given(funded())
      .when({ ...cmd('NotifyCredits', { aeCents: 1, cpCents: 0 }), requestId: undefined as never })
      .thenThrows('ENVELOPE_INVALID_REQUEST_ID');
  });

  it('saves and restores a state for snapshots without changing it', () => {
    const commits = Array.from({ length: 40 }, (_, i) =>
      cmd('Commit', { commitmentRef: `EJ-${i}`, projectId: `p-${i % 3}`, amountCents: 100 + i, splitKey: null }),
    );
    const state = foldEvents(history([...commits, ...paidThroughChain('EJ-7', 50)], funded()));
    expect(decodeEnvelopeState(JSON.parse(JSON.stringify(encodeEnvelopeState(state))))).toEqual(state);
    expect(decodeEnvelopeState(JSON.parse(JSON.stringify(encodeEnvelopeState(foldEvents([])))))).toEqual(foldEvents([]));
    expect(() => decodeEnvelopeState({ status: 'open' })).toThrow();
  });
});

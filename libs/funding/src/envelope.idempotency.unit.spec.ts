import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { outcomeOf } from './envelope.state.js';
import { LATER, cmd, ctx, foldEvents, history, openHdf } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
const funded = () => history([openHdf(), cmd('NotifyCredits', { aeCents: 10_000, cpCents: 10_000 })]);

describe('request ids (Idempotency-Key)', () => {
  it('decides nothing for a request already accepted, and keeps its first outcome', () => {
    const commit = cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 6_000, splitKey: 'cts-32-2', requestId: 'key-1' });
    const after = history([commit], funded());
    spec.given(after).when(commit).then([]);
    // same payload, another actor and time: still a retry
    spec
      .given(after)
      .when({ ...commit, ctx: { ...ctx('system'), now: LATER } })
      .then([]);
    expect(outcomeOf(foldEvents(after), 'key-1')?.events.map((e) => e.type)).toEqual(['envelope.committed']);
    // a retry answers the first outcome even where the command would now be refused
    const spent = history([cmd('Commit', { commitmentRef: 'EJ-2', projectId: 'q', amountCents: 4_000, splitKey: 'cts-32-3' })], after);
    spec.given(spent).when(commit).then([]);
  });

  it('remembers every event of a request (a commitment with its split alert)', () => {
    const commit = cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 9_000, splitKey: 'cts-32-2', requestId: 'key-2' });
    const state = foldEvents(history([cmd('SetSplit', { split: { mode: 'soft', shares: { 'cts-32-2': 5_000 } } }), commit], funded()));
    expect(outcomeOf(state, 'key-2')?.events.map((e) => e.type)).toEqual(['envelope.committed', 'envelope.split_exceeded']);
  });

  it('refuses a request id reused for another command', () => {
    const commit = cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 6_000, requestId: 'key-3' });
    spec
      .given(history([commit], funded()))
      .when({ ...commit, amountCents: 6_001 })
      .thenThrows('IDEMPOTENCY_KEY_REUSED', { requestId: 'key-3' });
    spec
      .given(history([commit], funded()))
      .when(cmd('Recover', { commitmentRef: 'EJ-1', amountCents: 1, reason: 'x', requestId: 'key-3' }))
      .thenThrows('IDEMPOTENCY_KEY_REUSED');
  });

  it('decides a refused request afresh: a refusal wrote nothing', () => {
    const commit = cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 20_000, requestId: 'key-4' });
    spec.given(funded()).when(commit).thenThrows('ENVELOPE_INSUFFICIENT_AE');
    spec
      .given(history([cmd('NotifyCredits', { aeCents: 10_000, cpCents: 0 })], funded()))
      .when(commit)
      .then((e) => expect(e).toHaveLength(1));
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
});

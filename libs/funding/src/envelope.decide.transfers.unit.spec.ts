import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeBalance } from './envelope.balance.js';
import { eventIdFor } from './request-id.js';
import { FIP_NATIONAL, cmd, ctx, euros, foldEvents, history, openAcademie, openFipNational, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
/** FIP national: €150M AE and €60M CP notified for 2023. */
const national = () =>
  history([openFipNational(), cmd('NotifyCredits', { aeCents: euros(150_000_000), cpCents: euros(60_000_000), ctx: ctx('admin') })]);
const PARENT_EVENT = eventIdFor('alloc-1', 0, 'envelope-fip-national-2023-2027');

describe('AllocateToChild (on the parent)', () => {
  it("consumes the parent's free AE and CP and remembers the child's share", () => {
    const allocate = cmd('AllocateToChild', {
      childId: 'fip-academie-09-2023',
      aeCents: euros(5_000_000),
      cpCents: euros(2_000_000),
      reason: 'répartition 2023',
    });
    spec
      .given(national())
      .when(allocate)
      .then([
        {
          type: 'envelope.allocated_to_child',
          data: {
            ...stamp(allocate),
            year: 2023,
            childId: 'fip-academie-09-2023',
            aeCents: euros(5_000_000),
            cpCents: euros(2_000_000),
            reason: 'répartition 2023',
          },
        },
      ]);
    const balance = envelopeBalance(foldEvents(history([allocate], national())))!;
    expect(balance.children).toEqual([{ envelopeId: 'fip-academie-09-2023', aeCents: euros(5_000_000), cpCents: euros(2_000_000) }]);
    expect([balance.ae.allocated, balance.ae.available, balance.cp.available]).toEqual([
      euros(5_000_000),
      euros(145_000_000),
      euros(58_000_000),
    ]);
  });

  it("never allocates more than the parent's free credits (children's allocations <= the parent's)", () => {
    spec
      .given(national())
      .when(cmd('AllocateToChild', { childId: 'fip-academie-09-2023', aeCents: euros(150_000_001), cpCents: 0 }))
      .thenThrows('ENVELOPE_INSUFFICIENT_AE', { availableCents: euros(150_000_000), requestedCents: euros(150_000_001) });
    spec
      .given(national())
      .when(cmd('AllocateToChild', { childId: 'fip-academie-09-2023', aeCents: 0, cpCents: euros(60_000_001) }))
      .thenThrows('ENVELOPE_INSUFFICIENT_CP', { availableCents: euros(60_000_000) });
  });

  it('refuses itself, another fund, a malformed id, and roles other than finance/admin', () => {
    spec
      .given(national())
      .when(cmd('AllocateToChild', { childId: FIP_NATIONAL, aeCents: 1, cpCents: 0 }))
      .thenThrows('ENVELOPE_SELF_REFERENCE');
    spec
      .given(national())
      .when(cmd('AllocateToChild', { childId: 'fir-ars-32-2023', aeCents: 1, cpCents: 0 }))
      .thenThrows('ENVELOPE_FUND_MISMATCH');
    spec
      .given(national())
      .when(cmd('AllocateToChild', { childId: 'academie-09', aeCents: 1, cpCents: 0 }))
      .thenThrows('ENVELOPE_INVALID_ID');
    spec
      .given(national())
      .when(cmd('AllocateToChild', { childId: 'fip-academie-09-2023', aeCents: 1, cpCents: 0, ctx: ctx('system') }))
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN');
  });
});

describe('ReceiveAllocation (on the child)', () => {
  it('credits the child, citing the parent event', () => {
    const receive = cmd('ReceiveAllocation', {
      parentId: FIP_NATIONAL,
      parentEventId: PARENT_EVENT,
      aeCents: 500,
      cpCents: 200,
      ctx: ctx('system'),
    });
    spec
      .given(history([openAcademie('09')]))
      .when(receive)
      .then([
        {
          type: 'envelope.allocation_received',
          data: { ...stamp(receive), year: 2023, parentId: FIP_NATIONAL, parentEventId: PARENT_EVENT, aeCents: 500, cpCents: 200 },
        },
      ]);
    const child = history([receive], history([openAcademie('09')]));
    spec
      .given(child)
      .when(cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 501, on: 'fip-academie-09-2023' }))
      .thenThrows('ENVELOPE_INSUFFICIENT_AE', { availableCents: 500 });
  });

  it('refuses an allocation from an envelope that is not its parent, or a bad event reference', () => {
    spec
      .given(history([openAcademie('09')]))
      .when(cmd('ReceiveAllocation', { parentId: 'fip-national-2024-2027', parentEventId: PARENT_EVENT, aeCents: 1, cpCents: 0 }))
      .thenThrows('ENVELOPE_NOT_A_CHILD', { parentId: FIP_NATIONAL, requestedParentId: 'fip-national-2024-2027' });
    spec
      .given(history([openAcademie('09', null)]))
      .when(cmd('ReceiveAllocation', { parentId: FIP_NATIONAL, parentEventId: PARENT_EVENT, aeCents: 1, cpCents: 0 }))
      .thenThrows('ENVELOPE_NOT_A_CHILD');
    spec
      .given(history([openAcademie('09')]))
      .when(cmd('ReceiveAllocation', { parentId: FIP_NATIONAL, parentEventId: 'nope', aeCents: 1, cpCents: 0 }))
      .thenThrows('ENVELOPE_INVALID_EVENT_REF');
  });
});

describe('TransferToSibling / ReceiveTransfer', () => {
  const funded09 = () =>
    history([
      openAcademie('09'),
      cmd('ReceiveAllocation', { parentId: FIP_NATIONAL, parentEventId: PARENT_EVENT, aeCents: 1_000, cpCents: 400 }),
    ]);

  it('moves free credits out of the source with a reason', () => {
    const send = cmd('TransferToSibling', { toId: 'fip-academie-10-2023', aeCents: 300, cpCents: 100, reason: 'projets prêts à Lyon' });
    spec
      .given(funded09())
      .when(send)
      .then([
        {
          type: 'envelope.transferred',
          data: { ...stamp(send), year: 2023, toId: 'fip-academie-10-2023', aeCents: 300, cpCents: 100, reason: 'projets prêts à Lyon' },
        },
      ]);
    spec
      .given(funded09())
      .when({ ...send, reason: '' })
      .thenThrows('REASON_REQUIRED');
    spec
      .given(funded09())
      .when({ ...send, aeCents: 1_001 })
      .thenThrows('ENVELOPE_INSUFFICIENT_AE', { availableCents: 1_000, requestedCents: 1_001 });
    spec
      .given(funded09())
      .when({ ...send, toId: FIP_NATIONAL })
      .thenThrows('ENVELOPE_NOT_A_SIBLING');
  });

  it('credits the target only from a sibling', () => {
    const receive = cmd('ReceiveTransfer', {
      fromId: 'fip-academie-09-2023',
      parentId: FIP_NATIONAL,
      sourceEventId: PARENT_EVENT,
      aeCents: 300,
      cpCents: 100,
      reason: 'r',
    });
    spec
      .given(history([openAcademie('10')]))
      .when(receive)
      .then([
        {
          type: 'envelope.transfer_received',
          data: {
            ...stamp(receive),
            year: 2023,
            fromId: 'fip-academie-09-2023',
            sourceEventId: PARENT_EVENT,
            aeCents: 300,
            cpCents: 100,
            reason: 'r',
          },
        },
      ]);
    spec
      .given(history([openAcademie('10')]))
      .when({ ...receive, parentId: null })
      .thenThrows('ENVELOPE_NOT_A_SIBLING', { parentId: FIP_NATIONAL, sourceParentId: null });
  });
});

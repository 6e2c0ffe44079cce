import { invalid } from '#kernel';
import type { EnvelopeCommand } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import type { EnvelopeState } from './envelope.state.js';
import { assertRequestId, commandFingerprint } from './request-id.js';
import { decideNotify, decideOpen, decideReduce, decideSetSplit } from './envelope.decide.credits.js';
import { decideCloseYear } from './envelope.decide.year-close.js';
import { decideAdjustCommitment } from './envelope.decide.amendment.js';
import { decideAllocate, decideReceiveAllocation, decideReceiveTransfer, decideTransfer } from './envelope.decide.transfers.js';
import { decideCommit, decideRelease } from './envelope.decide.spending.js';
import { decideCollectRecovery, decideOrderRecovery } from './envelope.decide.recovery.js';
import { decideOrder, decidePay, decideServiceDone } from './envelope.decide.payments.js';

/**
 * Every command carries its request id (the Idempotency-Key), stamped with the command's fingerprint on the events it
 * decides. Retries are not the decider's concern: the application shell answers a request id already accepted from the
 * store (handleCommand's idempotency ledger) without deciding again, and refuses it with another payload.
 */
export function decideEnvelope(command: EnvelopeCommand, state: EnvelopeState): EnvelopeEvent[] {
  if (!command || typeof command !== 'object') throw invalid('ENVELOPE_INVALID_COMMAND', 'command', 'an object');
  const requestId = assertRequestId(command.requestId);
  const stamp = { requestId, fingerprint: commandFingerprint(command) };
  switch (command.type) {
    case 'OpenEnvelope':
      return decideOpen(command, state, stamp);
    case 'NotifyCredits':
      return decideNotify(command, state, stamp);
    case 'ReduceCredits':
      return decideReduce(command, state, stamp);
    case 'SetSplit':
      return decideSetSplit(command, state, stamp);
    case 'AllocateToChild':
      return decideAllocate(command, state, stamp);
    case 'ReceiveAllocation':
      return decideReceiveAllocation(command, state, stamp);
    case 'TransferToSibling':
      return decideTransfer(command, state, stamp);
    case 'ReceiveTransfer':
      return decideReceiveTransfer(command, state, stamp);
    case 'Commit':
      return decideCommit(command, state, stamp);
    case 'ReleaseCommitment':
      return decideRelease(command, state, stamp);
    case 'AdjustCommitment':
      return decideAdjustCommitment(command, state, stamp);
    case 'RecordServiceDone':
      return decideServiceDone(command, state, stamp);
    case 'OrderPayment':
      return decideOrder(command, state, stamp);
    case 'PayInstalment':
      return decidePay(command, state, stamp);
    case 'OrderRecovery':
      return decideOrderRecovery(command, state, stamp);
    case 'CollectRecovery':
      return decideCollectRecovery(command, state, stamp);
    case 'CloseYear':
      return decideCloseYear(command, state, stamp);
    default:
      throw invalid('ENVELOPE_UNKNOWN_COMMAND', 'type', 'a known envelope command', { type: (command as { type?: unknown }).type ?? null });
  }
}

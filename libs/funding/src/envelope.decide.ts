import { DomainError, invalid } from '#kernel';
import type { EnvelopeCommand } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import type { EnvelopeState } from './envelope.state.js';
import { assertRequestId, commandFingerprint } from './request-id.js';
import { decideCloseYear, decideNotify, decideOpen, decideReduce, decideSetSplit } from './envelope.decide.credits.js';
import { decideAllocate, decideReceiveAllocation, decideReceiveTransfer, decideTransfer } from './envelope.decide.transfers.js';
import { decideCommit, decidePay, decideRecover, decideRelease, decideServiceDone } from './envelope.decide.spending.js';

/**
 * Idempotency first: a request id the envelope already accepted decides nothing (no event, so nothing is
 * appended) when the command is the same, and is refused when the same id comes with another payload.
 * A refused command wrote nothing, so its retry is decided afresh against the current state.
 */
export function decideEnvelope(command: EnvelopeCommand, state: EnvelopeState): EnvelopeEvent[] {
  if (!command || typeof command !== 'object') throw invalid('ENVELOPE_INVALID_COMMAND', 'command', 'an object');
  const requestId = assertRequestId(command.requestId);
  const fingerprint = commandFingerprint(command);
  const seen = state.requests[requestId];
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new DomainError(
        'conflict',
        'IDEMPOTENCY_KEY_REUSED',
        `La clé ${requestId} a déjà servi pour une autre commande : rien n’a été fait. Utilisez une nouvelle clé.`,
        {
          requestId,
          firstEventTypes: seen.events.map((e) => e.type),
        },
      );
    }
    return [];
  }
  const stamp = { requestId, fingerprint };
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
    case 'RecordServiceDone':
      return decideServiceDone(command, state, stamp);
    case 'PayInstalment':
      return decidePay(command, state, stamp);
    case 'Recover':
      return decideRecover(command, state, stamp);
    case 'CloseYear':
      return decideCloseYear(command, state, stamp);
    default:
      throw invalid('ENVELOPE_UNKNOWN_COMMAND', 'type', 'a known envelope command', { type: (command as { type?: unknown }).type ?? null });
  }
}

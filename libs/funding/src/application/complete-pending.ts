import type { CommandContext } from '#kernel';
import type { EventStore } from '#event-store';
import { receiveAllocation } from './allocate-to-child.js';
import { receiveTransfer } from './transfer.js';
import type { EnvelopeCommandResult } from './handle-envelope-command.js';
import { readEnvelope } from './handle-envelope-command.js';

/**
 * Recovery after a crash between the two halves of cross-envelope operations: replays step 2 of every
 * allocation and transfer this envelope sent. Idempotent: halves already written are answered, not rewritten.
 * Returns the halves that were missing and are now written.
 */
export async function completePendingTransfers(
  store: EventStore,
  envelopeId: string,
  ctx: CommandContext,
): Promise<EnvelopeCommandResult[]> {
  const { state, history } = await readEnvelope(store, envelopeId);
  if (state.status === 'none') return [];
  const completed: EnvelopeCommandResult[] = [];
  for (const recorded of history) {
    let result: EnvelopeCommandResult | undefined;
    if (recorded.type === 'envelope.allocated_to_child') result = await receiveAllocation(store, envelopeId, recorded, ctx);
    if (recorded.type === 'envelope.transferred') result = await receiveTransfer(store, envelopeId, state.parentId, recorded, ctx);
    if (result && !result.replayed) completed.push(result);
  }
  return completed;
}

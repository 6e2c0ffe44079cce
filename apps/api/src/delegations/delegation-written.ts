import type { FastifyReply } from 'fastify';
import type { HandleCommandResult } from '#event-store';
import { type DelegationState, lastDayOf } from '#delegations';

/** What a delegation command answers: the delegation's last day in force, its revision, the position to read it at. */
export interface DelegationWritten {
  delegationId: string;
  lastDay: string | null;
  revision: bigint;
  position: bigint | null;
  events: string[];
  /** True when the Idempotency-Key had already been handled: the first outcome, nothing written. */
  replayed: boolean;
}

export function delegationWritten(delegationId: string, result: HandleCommandResult<DelegationState>): DelegationWritten {
  const delegation = result.state.delegation;
  return {
    delegationId,
    lastDay: delegation ? lastDayOf(delegation) : null,
    revision: result.revision,
    position: result.append?.position ?? null,
    events: result.events.map((e) => e.type),
    replayed: result.replayed === true,
  };
}

/** The HTTP answer: the revision as ETag, the position written as X-Position, the body. */
export function delegationWriteResponse(reply: FastifyReply, w: DelegationWritten) {
  reply.header('ETag', `"${w.revision}"`);
  if (w.position !== null) reply.header('X-Position', w.position.toString());
  return {
    delegationId: w.delegationId,
    lastDay: w.lastDay,
    revision: w.revision.toString(),
    position: w.position?.toString() ?? null,
    events: w.events,
    ...(w.replayed ? { replayed: true } : {}),
  };
}

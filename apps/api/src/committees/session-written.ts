import type { FastifyReply } from 'fastify';
import type { HandleCommandResult } from '#event-store';

/** What a session or interests command answers: the stream's revision, the position written, the events. */
export interface Written {
  id: string;
  revision: bigint;
  position: bigint | null;
  events: string[];
  /** True when the Idempotency-Key had already been handled: the first outcome, nothing written. */
  replayed: boolean;
}

export function writtenOf(id: string, result: HandleCommandResult<unknown>): Written {
  return {
    id,
    revision: result.revision,
    position: result.append?.position ?? null,
    events: result.events.map((e) => e.type),
    replayed: result.replayed === true,
  };
}

/** The HTTP answer: the revision as ETag, the position written as X-Position, the body named by `idField`. */
export function writeResponse(reply: FastifyReply, w: Written, idField: 'sessionId' | 'personId') {
  reply.header('ETag', `"${w.revision}"`);
  if (w.position !== null) reply.header('X-Position', w.position.toString());
  return {
    [idField]: w.id,
    revision: w.revision.toString(),
    position: w.position?.toString() ?? null,
    events: w.events,
    ...(w.replayed ? { replayed: true } : {}),
  };
}

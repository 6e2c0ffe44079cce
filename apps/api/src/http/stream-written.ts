import type { FastifyReply } from 'fastify';
import type { HandleCommandResult } from '#event-store';

/** What a command on one stream answers: its id, the stream's revision, the log position written, the events. */
export interface StreamWritten {
  id: string;
  revision: bigint;
  position: bigint | null;
  events: string[];
  /** True when the Idempotency-Key had already been handled: the first outcome, nothing written. */
  replayed: boolean;
}

export function streamWritten(id: string, result: HandleCommandResult<unknown>): StreamWritten {
  return {
    id,
    revision: result.revision,
    position: result.append?.position ?? null,
    events: result.events.map((e) => e.type),
    replayed: result.replayed === true,
  };
}

/** The HTTP answer: the revision as ETag, the position written as X-Position (read-your-writes), the body named by `idField`. */
export function streamWriteResponse(reply: FastifyReply, w: StreamWritten, idField: string) {
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

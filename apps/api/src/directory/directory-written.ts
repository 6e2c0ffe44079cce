import type { FastifyReply } from 'fastify';
import type { HandleCommandResult } from '#event-store';

/** What a directory command answers: the stream written, its revision and the log position to read it at. */
export interface DirectoryWritten {
  id: string;
  revision: bigint;
  position: bigint | null;
  events: string[];
  replayed: boolean;
}

export function directoryWritten(id: string, result: HandleCommandResult<unknown>): DirectoryWritten {
  return {
    id,
    revision: result.revision,
    position: result.append?.position ?? null,
    events: result.events.map((e) => e.type),
    replayed: result.replayed === true,
  };
}

/** The HTTP answer: the revision as ETag, the position written as X-Position (read-your-writes), the body. */
export function directoryWriteResponse(reply: FastifyReply, w: DirectoryWritten, name: 'organisationId' | 'personId') {
  reply.header('ETag', `"${w.revision}"`);
  if (w.position !== null) reply.header('X-Position', w.position.toString());
  return {
    [name]: w.id,
    revision: w.revision.toString(),
    position: w.position?.toString() ?? null,
    events: w.events,
    ...(w.replayed ? { replayed: true } : {}),
  };
}

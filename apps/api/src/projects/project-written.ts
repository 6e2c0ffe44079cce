import type { FastifyReply } from 'fastify';
import type { HandleCommandResult } from '#event-store';
import type { ProjectState } from '#projects';

/** What a project command answers, whoever sent it: where the project stands and the position to read it at. */
export interface ProjectWritten {
  projectId: string;
  status: string | null;
  revision: bigint;
  position: bigint | null;
  events: string[];
  /** True when the Idempotency-Key had already been handled: the first outcome, nothing written. */
  replayed: boolean;
}

export function projectWritten(projectId: string, result: HandleCommandResult<ProjectState>): ProjectWritten {
  return {
    projectId,
    status: result.state.exists ? result.state.status : null,
    revision: result.revision,
    position: result.append?.position ?? null,
    events: result.events.map((e) => e.type),
    replayed: result.replayed === true,
  };
}

/** The HTTP answer: the revision as ETag, the position written as X-Position, the body. */
export function projectWriteResponse(reply: FastifyReply, w: ProjectWritten) {
  reply.header('ETag', `"${w.revision}"`);
  if (w.position !== null) reply.header('X-Position', w.position.toString());
  return {
    projectId: w.projectId,
    status: w.status,
    revision: w.revision.toString(),
    position: w.position?.toString() ?? null,
    events: w.events,
    ...(w.replayed ? { replayed: true } : {}),
  };
}

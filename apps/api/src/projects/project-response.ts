import type { HandleCommandResult } from '#event-store';
import type { ProjectState } from '#projects';

/** What a project command answers: where the project stands and the position to read it at. */
export function commandResponse(projectId: string, result: HandleCommandResult<ProjectState>) {
  return {
    projectId,
    status: result.state.exists ? result.state.status : null,
    revision: result.revision.toString(),
    position: result.append?.position.toString() ?? null,
    events: result.events.map((e) => e.type),
    ...(result.replayed ? { replayed: true } : {}),
  };
}

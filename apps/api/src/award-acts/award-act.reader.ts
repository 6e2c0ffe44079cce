import { Inject, Injectable } from '@nestjs/common';
import { type AwardAct, type AwardActState, awardActDecider, awardActStreamOf } from '#awards';
import { EVENT_STORE, type EventStore, type RecordedEvent, foldRecorded } from '#event-store';
import { DomainError } from '#kernel';
import { type Project, projectEvolution, streamIdOf } from '#projects';

/** Reads a project and its award act from the log (each folded from its own stream). */
@Injectable()
export class AwardActReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async project(projectId: string): Promise<{ project: Project; history: RecordedEvent[] }> {
    const history = await this.store.readStream(streamIdOf(projectId));
    const project = foldRecorded(projectEvolution, history);
    if (!project.exists) {
      throw new DomainError('not_found', 'PROJECT_NOT_FOUND', `Le projet ${projectId} n’existe pas.`, { projectId });
    }
    return { project, history };
  }

  async state(projectId: string): Promise<{ state: AwardActState; revision: bigint | null }> {
    const history = await this.store.readStream(awardActStreamOf(projectId));
    return { state: foldRecorded(awardActDecider, history), revision: history.at(-1)?.revision ?? null };
  }

  /** The project's current act (not cancelled), or a 404 naming the project. */
  async current(projectId: string): Promise<AwardAct> {
    const { state } = await this.state(projectId);
    if (!state.act || state.act.status === 'cancelled') {
      throw new DomainError('not_found', 'AWARD_ACT_NOT_FOUND', `Le projet ${projectId} n’a pas d’acte attributif en cours.`, {
        projectId,
      });
    }
    return state.act;
  }
}

/** The time of the project's signed validation (its exercise is the act's first by default). */
export function validatedAt(history: readonly RecordedEvent[]): string | undefined {
  const validated = [...history].reverse().find((e) => e.type === 'project.validated');
  return validated ? String((validated.data as { at?: string }).at ?? validated.recordedAt.toISOString()) : undefined;
}

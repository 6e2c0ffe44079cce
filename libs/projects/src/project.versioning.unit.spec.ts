import { describe, expect, it } from '@jest/globals';
import { type WorkflowDefinition, WorkflowRegistry } from '#workflow';
import type { ProjectCommand } from './project.commands.js';
import { createProjectDecider } from './project.decider.js';
import { availableActions } from './project.actions.js';
import { commandFor, day, eduValidator, pathTo, play } from './project.fixture.js';
import { educationWorkflowV1 } from './programs/education.workflow.js';

/** Version 2 gives 15 days (instead of 30) to complete a dossier sent back. */
const educationV2: WorkflowDefinition = {
  ...educationWorkflowV1,
  version: 2,
  deadlines: educationWorkflowV1.deadlines.map((d) => ({ ...d, durationDays: 15 })),
};

const withId = (commands: ProjectCommand[], projectId: string) => commands.map((c) => ({ ...c, projectId }) as ProjectCommand);

describe('definition versions', () => {
  it('a project keeps the version it started under; a new version applies to new projects only', () => {
    const registry = new WorkflowRegistry([educationWorkflowV1]);
    const decider = createProjectDecider(registry);
    const path = pathTo('education', 'under_analysis');
    const old = play(withId(path, 'old'), decider);
    registry.register(educationV2);
    const young = play(withId(path, 'new'), decider);

    expect(old.state).toMatchObject({ workflow: { definition: { id: 'cnr-education', version: 1 } } });
    expect(young.state).toMatchObject({ workflow: { definition: { id: 'cnr-education', version: 2 } } });

    const ask = (projectId: string) => ({ ...commandFor('education', 'request_completion'), projectId }) as ProjectCommand;
    const dueOf = (r: typeof old, projectId: string) =>
      (decider.decide(ask(projectId), r.state).find((e) => e.type === 'project.deadline_opened')!.data as { dueAt: string }).dueAt;
    expect(dueOf(old, 'old')).toBe(day(30).toISOString());
    expect(dueOf(young, 'new')).toBe(day(15).toISOString());
    expect(availableActions(old.state, eduValidator, registry).map((a) => a.command)).toEqual(['request_completion', 'validate', 'reject']);
  });
});

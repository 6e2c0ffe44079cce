import { type WorkflowDecider, type WorkflowRegistry, type WorkflowSubject, workflowDecider } from '#workflow';
import { scheduleOnTheCalendar } from './project.deadline-schedule.js';
import { PROJECT_WORKFLOW_CODES, PROJECT_WORKFLOW_EVENTS } from './project.events.js';
import type { Project } from './project.state.js';

/** What the workflow engine sees of a project. */
export function subjectOf(p: Project): WorkflowSubject {
  const { territory } = p.content;
  return {
    id: p.id,
    // The principal holder's members act; co-holders, named by the declarant without their say, see it (canReadProject).
    ownerIds: [p.content.holder.organisationId],
    territory: { region: territory.region, departement: territory.departement, academie: territory.academie, cts: territory.cts },
    fields: {
      ...p.content,
      grantedAmountCents: p.grantedAmountCents,
      commitmentRef: p.commitmentRef,
      ctsOpinion: p.ctsOpinion,
      finalReport: p.finalReport,
    },
  };
}

/** The engine for the definition version the project started under. */
export function engineFor(registry: WorkflowRegistry, program: string, version: number): WorkflowDecider {
  return workflowDecider(registry.get(program, version), {
    types: PROJECT_WORKFLOW_EVENTS,
    codes: PROJECT_WORKFLOW_CODES,
    schedule: scheduleOnTheCalendar,
  });
}

import type { DomainEvent } from '#kernel';
import { type TransitionedData, evolveInstance, startInstance } from '#workflow';
import { type ContentEditedData, type IntentionDeclaredData, PROJECT_WORKFLOW_EVENTS, ProjectEventType } from './project.events.js';
import type { FinalReport, Project, ProjectState } from './project.state.js';

/** Pure and total: unknown events (from later versions) leave the state unchanged. */
export function evolveProject(state: ProjectState, event: DomainEvent): ProjectState {
  if (event.type === ProjectEventType.IntentionDeclared) return declared(event.data as IntentionDeclaredData);
  if (!state.exists) return state;
  switch (event.type) {
    case ProjectEventType.ContentEdited: {
      const { changes } = event.data as ContentEditedData;
      return { ...state, content: { ...state.content, ...changes } };
    }
    case ProjectEventType.Transitioned:
      return transitioned(state, event.data as TransitionedData, event);
    case ProjectEventType.DeadlineOpened:
    case ProjectEventType.DeadlineCancelled:
    case ProjectEventType.DeadlineExpired:
      return withWorkflow(state, evolveInstance(PROJECT_WORKFLOW_EVENTS, state.workflow, event));
    default:
      return state;
  }
}

function declared(d: IntentionDeclaredData): Project {
  return {
    exists: true,
    id: d.projectId,
    program: d.program,
    declarant: d.declarant,
    declaredAt: d.at,
    content: {
      title: d.title, description: d.description, territory: { ...d.territory }, holder: { ...d.holder },
      partners: [...d.partners], budgetLines: [], attachments: [],
    },
    workflow: startInstance(d.workflow, d.state),
    status: d.state,
  };
}

const withWorkflow = (p: Project, workflow: Project['workflow']): Project => ({ ...p, workflow, status: workflow.state });

function transitioned(p: Project, t: TransitionedData, event: DomainEvent): Project {
  const next: Project = { ...withWorkflow(p, evolveInstance(PROJECT_WORKFLOW_EVENTS, p.workflow, event)), lastTransition: t };
  const inputs = t.inputs ?? {};
  switch (t.command) {
    case 'validate':
      return { ...next, grantedAmountCents: inputs['grantedAmountCents'] as number };
    case 'record_cts_opinion':
      return { ...next, ctsOpinion: { favourable: inputs['favourable'] === true, reason: t.reason ?? '', by: t.by.id, at: t.at } };
    case 'start_financing':
      return { ...next, commitmentRef: inputs['commitmentRef'] as string };
    case 'submit_final_report':
      return { ...next, finalReport: inputs['finalReport'] as FinalReport };
  }
  // A new CTS round (e.g. after reopening) needs a new opinion.
  if (t.to === 'cts_review' && t.from !== 'cts_review') {
    const { ctsOpinion: _previous, ...rest } = next;
    return rest;
  }
  return next;
}

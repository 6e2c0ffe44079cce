import type { DomainEvent } from '#kernel';
import { evolveInstance, startInstance, transitionInstance } from '#workflow';
import {
  type IntentionDeclaredData,
  PROJECT_WORKFLOW_EVENTS,
  type ProjectEvent,
  type ProjectTransitionEvent,
  commandOf,
  isProjectEvent,
  transitionValues,
} from './project.events.js';
import { evolveReportDeadline } from './project.report-deadline.js';
import type { Project, ProjectState } from './project.state.js';

/** Pure and total. An event type it does not know is recorded, so that decide refuses rather than act on a misread state. */
export function evolveProject(state: ProjectState, event: DomainEvent): ProjectState {
  if (!isProjectEvent(event)) return state.exists ? unrecognised(state, event.type) : state;
  if (event.type === 'project.intention_declared') return declared(event.data);
  if (!state.exists) return state;
  return evolveExisting(state, event);
}

function evolveExisting(p: Project, event: ProjectEvent): Project {
  switch (event.type) {
    case 'project.intention_declared':
      return p;
    case 'project.content_edited':
      return { ...p, content: { ...p.content, ...event.data.changes } };
    case 'project.deadline_opened':
    case 'project.deadline_cancelled':
    case 'project.deadline_expired':
      return evolveReportDeadline(withWorkflow(p, evolveInstance(PROJECT_WORKFLOW_EVENTS, p.workflow, event)), event);
    case 'project.deadline_reminder_due':
      return withWorkflow(p, evolveInstance(PROJECT_WORKFLOW_EVENTS, p.workflow, event));
    case 'project.report_formal_notice':
      return evolveReportDeadline(p, event);
    case 'project.validated':
      return { ...transitioned(p, event), grantedAmountCents: event.data.grantedAmountCents };
    case 'project.cts_opinion_recorded': {
      const { favourable, reason, by, at } = event.data;
      return { ...transitioned(p, event), ctsOpinion: { favourable: favourable === true, reason, by: by.id, at } };
    }
    case 'project.financing_started':
      return { ...transitioned(p, event), commitmentRef: event.data.commitmentRef };
    case 'project.final_report_submitted':
      return { ...transitioned(p, event), finalReport: event.data.finalReport };
    // A new analysis round (v2: closed again, or sent back by the decider) needs a new CTS opinion too.
    case 'project.analysis_completed':
    case 'project.returned_to_instruction':
    case 'project.referred_to_cts': {
      // A new CTS round (e.g. after reopening) needs a new opinion.
      const { ctsOpinion: _previous, ...next } = transitioned(p, event);
      return next;
    }
    case 'project.drafting_started':
    case 'project.submitted':
    case 'project.analysis_started':
    case 'project.completion_requested':
    case 'project.resubmitted':
    case 'project.rejected':
    case 'project.reopened':
    case 'project.withdrawn':
    case 'project.lapsed':
    case 'project.closed':
      return transitioned(p, event);
    default: {
      const unknown: never = event;
      return unrecognised(p, (unknown as DomainEvent).type);
    }
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
      title: d.title,
      description: d.description,
      territory: { ...d.territory },
      holder: { ...d.holder },
      coHolders: (d.coHolders ?? []).map((h) => ({ ...h })),
      partners: [...d.partners],
      budgetLines: [],
      attachments: [],
    },
    workflow: startInstance(d.workflow, d.state),
    status: d.state,
  };
}

const withWorkflow = (p: Project, workflow: Project['workflow']): Project => ({ ...p, workflow, status: workflow.state });

function transitioned(p: Project, event: ProjectTransitionEvent): Project {
  const { from, to, reason, by, at } = event.data;
  const inputs = transitionValues(event);
  const lastTransition = {
    command: commandOf(event),
    from,
    to,
    ...(reason === undefined ? {} : { reason }),
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    by,
    at,
  };
  return { ...withWorkflow(p, transitionInstance(p.workflow, event.data)), lastTransition };
}

const unrecognised = (p: Project, type: string): Project => ({ ...p, unrecognisedEvents: [...(p.unrecognisedEvents ?? []), type] });

import { type Actor, type DomainEvent, DomainError, invalid } from '#kernel';
import { type WorkflowRegistry, accessDenial, initialStateOf } from '#workflow';
import { type DeclareIntention, type EditContent, type ProjectCommand, type TransitionCommand, inputsOf } from './project.commands.js';
import { type ContentEditedData, type IntentionDeclaredData, PROJECT_WORKFLOW_CODES, ProjectEventType } from './project.events.js';
import { EDITABLE_STATES, type Holder, PROGRAMS, type Project, type ProjectState } from './project.state.js';
import { engineFor, subjectOf } from './project.subject.js';
import {
  checkCents,
  checkChanges,
  checkFinalReport,
  checkCoHolders,
  checkHolder,
  checkPartners,
  checkProjectId,
  checkTerritoryOf,
  checkText,
  checkTitle,
  LIMITS,
} from './project.validation.js';
import { projectNotFound } from './project.policy.js';
import {
  cancelReportDeadline,
  expireReportDeadline,
  isReportDeadline,
  openReportDeadline,
  reportDeadlineLifted,
} from './project.report-deadline.js';

export function decideProject(registry: WorkflowRegistry, command: ProjectCommand, state: ProjectState): DomainEvent[] {
  if (command.type === 'declare_intention') return declareIntention(registry, command, state);
  if (!state.exists) throw projectNotFound(command.projectId);
  if (command.projectId !== state.id) throw invalid('PROJECT_INVALID_FIELD', 'projectId', `must be ${state.id}`);
  if (state.unrecognisedEvents?.length) {
    const types = [...new Set(state.unrecognisedEvents)];
    throw new DomainError(
      'unavailable',
      'PROJECT_UNKNOWN_EVENTS',
      `Le projet contient des événements que cette version ne connaît pas ` +
        `(${types.join(', ')}) : elle ne décide pas sur un état mal lu. Réessayez sur une instance à jour.`,
      { eventTypes: types },
    );
  }
  const engine = engineFor(registry, state.program, state.workflow.definition.version);
  switch (command.type) {
    case 'edit_content':
      return editContent(registry, command, state);
    case 'expire_deadline':
      if (isReportDeadline(state, command.deadlineId)) return expireReportDeadline(command.deadlineId, command.ctx, state);
      return engine.expire({ deadlineId: command.deadlineId, ctx: command.ctx }, state.workflow, subjectOf(state));
    case 'remind_deadline':
      return engine.remind({ deadlineId: command.deadlineId, ctx: command.ctx }, state.workflow, subjectOf(state));
    case 'open_report_deadline':
      return openReportDeadline(command, state);
    case 'cancel_report_deadline':
      return cancelReportDeadline(command, state);
    default: {
      const events = engine.decide(
        {
          command: command.type,
          ctx: command.ctx,
          reason: command.reason,
          inputs: inputsOf(command),
          checkInputs: () => checkInputs(command, state),
        },
        state.workflow,
        subjectOf(state),
      );
      // Transmitting the report lifts its deadline, in the same decision.
      const transmitted = command.type === 'submit_final_report' && events.length > 0;
      return transmitted ? [...events, ...reportDeadlineLifted(state, command.type, command.ctx)] : events;
    }
  }
}

function requireHolder(actor: Actor, action: string): void {
  if (actor.role !== 'holder') {
    throw new DomainError('forbidden', 'PROJECT_ROLE_NOT_ALLOWED', `Le rôle « ${actor.role} » ne permet pas « ${action} ».`, {
      role: actor.role,
      command: action,
      allowedRoles: ['holder'],
    });
  }
}

function declareIntention(registry: WorkflowRegistry, c: DeclareIntention, state: ProjectState): DomainEvent[] {
  requireHolder(c.ctx.actor, 'declare_intention');
  checkProjectId(c.projectId);
  if (state.exists)
    throw new DomainError('conflict', 'PROJECT_ALREADY_EXISTS', `Le projet ${c.projectId} existe déjà.`, { projectId: c.projectId });
  if (!PROGRAMS.includes(c.program) || !registry.has(c.program))
    throw invalid('PROJECT_INVALID_FIELD', 'program', `one of ${PROGRAMS.join(', ')}`);
  checkTitle(c.title);
  checkText('description', c.description, 0, LIMITS.text);
  const territory = checkTerritoryOf(c.program, c.territory);
  const holder = checkHolder(c.program, c.holder);
  const coHolders = checkCoHolders(c.program, holder, c.coHolders ?? []);
  assertActsFor(c.ctx.actor, holder);
  const partners = c.partners ?? [];
  checkPartners(partners);
  const definition = registry.latest(c.program);
  const data: IntentionDeclaredData = {
    projectId: c.projectId,
    program: c.program,
    workflow: { id: definition.id, version: definition.version },
    state: initialStateOf(definition).name,
    declarant: c.ctx.actor.id,
    title: c.title.trim(),
    description: c.description.trim(),
    territory,
    holder,
    ...(coHolders.length > 0 ? { coHolders } : {}),
    partners: partners.map((p) => ({
      name: p.name.trim(),
      kind: p.kind,
      ...(p.organisationId ? { organisationId: p.organisationId } : {}),
    })),
    at: c.ctx.now.toISOString(),
  };
  return [{ type: ProjectEventType.IntentionDeclared, data }];
}

function editContent(registry: WorkflowRegistry, c: EditContent, p: Project): DomainEvent[] {
  requireHolder(c.ctx.actor, 'edit_content');
  const denied = accessDenial(
    registry.get(p.program, p.workflow.definition.version).access,
    c.ctx.actor,
    subjectOf(p),
    PROJECT_WORKFLOW_CODES,
  );
  if (denied) throw denied;
  if (!EDITABLE_STATES.includes(p.status)) {
    throw new DomainError('conflict', 'PROJECT_NOT_EDITABLE', `Le dossier ${p.id} ne se modifie pas dans l’état « ${p.status} ».`, {
      state: p.status,
      editableIn: [...EDITABLE_STATES],
    });
  }
  checkChanges(c.changes);
  const changes = Object.fromEntries(Object.entries(c.changes).filter(([, v]) => v !== undefined));
  if (typeof changes['title'] === 'string') changes['title'] = changes['title'].trim();
  const data: ContentEditedData = { changes, by: c.ctx.actor.id, at: c.ctx.now.toISOString() };
  return [{ type: ProjectEventType.ContentEdited, data }];
}

/** Values of a transition's inputs, checked once the engine knows the actor may run it here. */
function checkInputs(c: TransitionCommand, p: Project): void {
  switch (c.type) {
    case 'validate': {
      checkCents('grantedAmountCents', c.grantedAmountCents);
      const requested = p.content.requestedAmountCents ?? 0;
      if (c.grantedAmountCents > requested) {
        throw invalid('PROJECT_INVALID_FIELD', 'grantedAmountCents', '<= requestedAmountCents', { requestedAmountCents: requested });
      }
      return;
    }
    case 'record_cts_opinion':
      if (typeof c.favourable !== 'boolean') throw invalid('PROJECT_INVALID_FIELD', 'favourable', 'boolean');
      return;
    case 'start_financing':
      checkText('commitmentRef', c.commitmentRef, 1, 100);
      return;
    case 'submit_final_report':
      checkFinalReport(c.report);
      return;
  }
}

/** A holder declares for an organisation they act for (the application registers an unknown one with them as member). */
function assertActsFor(actor: Actor, holder: Holder): void {
  if ((actor.organisations ?? []).includes(holder.organisationId)) return;
  throw new DomainError(
    'forbidden',
    'PROJECT_HOLDER_NOT_MEMBER',
    `${actor.id} n’agit pas pour l’organisme ${holder.organisationId} : demandez à l’un de ses membres de vous y ajouter.`,
    { organisationId: holder.organisationId },
  );
}

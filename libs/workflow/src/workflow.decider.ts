import { type Actor, type CommandContext, type DomainEvent, DomainError, invalid } from '#kernel';
import { accessDenial } from './workflow.access.js';
import {
  type WorkflowDefinition,
  type WorkflowSubject,
  type WorkflowTransitionDef,
  definesCommand,
  findTransition,
  transitionsFrom,
} from './workflow.definition.js';
import { type ScheduleDeadline, scheduleInFixedDays } from './workflow.deadlines.js';
import type {
  DeadlineExpiredData,
  DeadlineOpenedData,
  DeadlineReminderDueData,
  TransitionFacts,
  WorkflowErrorCodes,
  WorkflowEventTypes,
} from './workflow.events.js';
import { type WorkflowInstance, evolveInstance, startInstance, transitionInstance } from './workflow.instance.js';

export interface TransitionRequest {
  command: string;
  ctx: CommandContext;
  reason?: string;
  inputs?: Record<string, unknown>;
  /** Checks the inputs' values (throws DomainError), run after role, territory, state, reason and presence checks. */
  checkInputs?: () => void;
}

export interface ExpiryRequest {
  deadlineId: string;
  ctx: CommandContext;
}

export interface AvailableTransition {
  command: string;
  label: string;
  to: string;
  reasonRequired: boolean;
  inputs: { name: string; label: string }[];
}

export interface WorkflowDeciderOptions {
  types: WorkflowEventTypes;
  /** The codes its refusals carry. */
  codes: WorkflowErrorCodes;
  /** When a deadline opened now is due (the subject's calendar); default: durationDays of 24 hours. */
  schedule?: ScheduleDeadline;
}

export const MAX_REASON_LENGTH = 2000;

const present = (v: unknown): boolean =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

/** The engine: one definition → decide (transition, expiry) and evolve for a subject's workflow instance. */
export function workflowDecider(definition: WorkflowDefinition, options: WorkflowDeciderOptions) {
  const C = options.codes;
  const types = options.types;
  const schedule = options.schedule ?? scheduleInFixedDays;

  const transitionEventTypes = new Set(definition.transitions.map((t) => t.event));
  const evolve = (instance: WorkflowInstance, event: DomainEvent) =>
    transitionEventTypes.has(event.type)
      ? transitionInstance(instance, event.data as TransitionFacts)
      : evolveInstance(types, instance, event);

  const blockers = (t: WorkflowTransitionDef, subject: WorkflowSubject): DomainError | undefined => {
    for (const field of t.requiredFields ?? []) {
      if (!present(subject.fields[field])) return invalid(C.fieldRequired, field, 'required', { command: t.command });
    }
    for (const g of t.guards ?? []) {
      const message = g.check(subject);
      if (message !== undefined) {
        return new DomainError('conflict', C.guardFailed, `${t.command}: ${message}`, { guard: g.name, command: t.command, message });
      }
    }
    return undefined;
  };

  const available = (instance: WorkflowInstance, subject: WorkflowSubject, actor: Actor): AvailableTransition[] =>
    transitionsFrom(definition, instance.state)
      .filter((t) => t.roles.includes(actor.role) && !accessDenial(definition.access, actor, subject, C) && !blockers(t, subject))
      .map((t) => ({
        command: t.command,
        label: t.label,
        to: t.to,
        reasonRequired: t.reasonRequired === true,
        inputs: [...(t.inputs ?? [])],
      }));

  function decide(request: TransitionRequest, instance: WorkflowInstance, subject: WorkflowSubject): DomainEvent[] {
    const { actor } = request.ctx;
    if (!definesCommand(definition, request.command)) {
      throw invalid(C.unknownCommand, 'command', `not a command of ${definition.id} v${definition.version}`, {
        command: request.command,
      });
    }
    const t = findTransition(definition, request.command, instance.state);
    const roles = t ? t.roles : definition.transitions.filter((x) => x.command === request.command).flatMap((x) => x.roles);
    if (!roles.includes(actor.role)) {
      throw new DomainError('forbidden', C.roleNotAllowed, `Le rôle « ${actor.role} » ne permet pas « ${request.command} ».`, {
        role: actor.role,
        command: request.command,
        allowedRoles: [...new Set(roles)],
      });
    }
    const denied = accessDenial(definition.access, actor, subject, C);
    if (denied) throw denied;
    if (!t) {
      throw new DomainError(
        'conflict',
        C.illegalTransition,
        `« ${request.command} » n’est pas possible dans l’état « ${instance.state} ».`,
        {
          state: instance.state,
          command: request.command,
          allowedActions: available(instance, subject, actor).map((a) => a.command),
        },
      );
    }
    const reason = request.reason?.trim();
    if (t.reasonRequired && !reason) throw invalid(C.reasonRequired, 'reason', 'required', { command: t.command });
    if (reason && reason.length > MAX_REASON_LENGTH) throw invalid(C.invalidReason, 'reason', `at most ${MAX_REASON_LENGTH} characters`);
    for (const input of t.inputs ?? []) {
      if (!present(request.inputs?.[input.name])) throw invalid(C.inputRequired, input.name, 'required', { command: t.command });
    }
    request.checkInputs?.();
    const blocked = blockers(t, subject);
    if (blocked) throw blocked;
    return transitionEvents(t, request, reason, instance, subject);
  }

  function transitionEvents(
    t: WorkflowTransitionDef,
    request: TransitionRequest,
    reason: string | undefined,
    instance: WorkflowInstance,
    subject: WorkflowSubject,
  ): DomainEvent[] {
    const at = request.ctx.now.toISOString();
    const inputs = Object.fromEntries((t.inputs ?? []).map((i) => [i.name, request.inputs?.[i.name]]));
    const facts: TransitionFacts = {
      from: instance.state,
      to: t.to,
      ...(reason ? { reason } : {}),
      by: { id: request.ctx.actor.id, role: request.ctx.actor.role },
      at,
    };
    const events: DomainEvent[] = [{ type: t.event, data: { ...facts, ...inputs } }];
    for (const open of instance.deadlines) {
      const def = definition.deadlines.find((x) => x.name === open.name);
      // Running the expiry command directly (not through expire) also makes the deadline moot.
      if (def?.cancelledBy.includes(t.command) || open.onExpiry.command === t.command) {
        events.push({
          type: types.deadlineCancelled,
          data: { deadlineId: open.deadlineId, name: open.name, subjectId: subject.id, cancelledBy: t.command, at },
        });
      }
    }
    const opens = definition.deadlines.find((x) => x.name === t.opensDeadline);
    if (opens) {
      const data: DeadlineOpenedData = {
        deadlineId: `${subject.id}/${opens.name}/${instance.deadlinesOpened + 1}`,
        name: opens.name,
        subjectId: subject.id,
        openedAt: at,
        onExpiry: { ...opens.onExpiry },
        ...schedule({ openedAt: request.ctx.now, deadline: opens, subject }),
      };
      events.push({ type: types.deadlineOpened, data });
    }
    return events;
  }

  /** The timeout: a no-op when the deadline is no longer open (already expired or cancelled), so firing twice is harmless. */
  function expire(request: ExpiryRequest, instance: WorkflowInstance, subject: WorkflowSubject): DomainEvent[] {
    const open = instance.deadlines.find((x) => x.deadlineId === request.deadlineId);
    if (!open) return [];
    if (request.ctx.now.getTime() < Date.parse(open.dueAt)) {
      throw new DomainError('conflict', C.deadlineNotDue, `L’échéance ${open.deadlineId} n’arrive qu’au ${open.dueAt}.`, {
        deadlineId: open.deadlineId,
        dueAt: open.dueAt,
      });
    }
    const data: DeadlineExpiredData = {
      deadlineId: open.deadlineId,
      name: open.name,
      subjectId: subject.id,
      dueAt: open.dueAt,
      at: request.ctx.now.toISOString(),
    };
    const expired: DomainEvent = { type: types.deadlineExpired, data };
    const after = evolve(instance, expired);
    // The definition's reason when it still names the deadline: a reworded reason also reaches deadlines opened before.
    const reason = definition.deadlines.find((x) => x.name === open.name)?.onExpiry.reason ?? open.onExpiry.reason;
    return [expired, ...decide({ command: open.onExpiry.command, ctx: request.ctx, reason }, after, subject)];
  }

  /** The reminder: once, while the deadline is open and not yet due; a no-op otherwise (replays and replicas are harmless). */
  function remind(request: ExpiryRequest, instance: WorkflowInstance, subject: WorkflowSubject): DomainEvent[] {
    const open = instance.deadlines.find((x) => x.deadlineId === request.deadlineId);
    const now = request.ctx.now.getTime();
    if (!open?.remindAt || open.reminded || now >= Date.parse(open.dueAt)) return [];
    if (now < Date.parse(open.remindAt)) {
      throw new DomainError('conflict', C.deadlineNotDue, `Le rappel de l’échéance ${open.deadlineId} n’arrive qu’au ${open.remindAt}.`, {
        deadlineId: open.deadlineId,
        remindAt: open.remindAt,
      });
    }
    const data: DeadlineReminderDueData = {
      deadlineId: open.deadlineId,
      name: open.name,
      subjectId: subject.id,
      dueAt: open.dueAt,
      ...(open.dueDay === undefined ? {} : { dueDay: open.dueDay }),
      at: request.ctx.now.toISOString(),
    };
    return [{ type: types.deadlineReminderDue, data }];
  }

  return {
    definition,
    start: () => startInstance(definition, definition.states.find((s) => s.initial)!.name),
    decide,
    expire,
    remind,
    evolve,
    available,
  };
}

export type WorkflowDecider = ReturnType<typeof workflowDecider>;

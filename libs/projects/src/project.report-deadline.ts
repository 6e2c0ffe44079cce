import { type Actor, type CommandContext, type DomainEvent, DomainError, invalid } from '#kernel';
import { fixedDueDate, isCalendarDay, workingDayReminder } from '#calendar';
import type { DeadlineCancelledData, DeadlineExpiredData, DeadlineOpenedData } from '#workflow';
import type { CancelReportDeadline, OpenReportDeadline } from './project.commands.js';
import { PROJECT_WORKFLOW_CODES, ProjectEventType, type ReportDeadlineFacts, type ReportFormalNoticeData } from './project.events.js';
import type { Project, ReportDeadline } from './project.state.js';

/** The deadline's name in the workflow instance and the log (`<projectId>/compte_rendu_financier/<n>`). */
export const REPORT_DEADLINE = 'compte_rendu_financier';
/** The holder is reminded this many days before the lapse (moved back to a working day). */
export const REPORT_REMINDER_DAYS = 30;
/** What the expiry records, in French for the holder and finance. */
export const REPORT_FORMAL_NOTICE_REASON =
  'Compte rendu financier non transmis à l’échéance (loi 2000-321, art. 10) : mise en demeure de le transmettre';
/** The expiry's act, as the opened deadline records it (no workflow transition: the formal notice is its own event). */
export const REPORT_FORMAL_NOTICE_COMMAND = 'report_formal_notice';

type ReportDeadlineOpenedData = DeadlineOpenedData & ReportDeadlineFacts;

function requireSystem(actor: Actor, command: string): void {
  if (actor.role === 'system') return;
  throw new DomainError('forbidden', 'PROJECT_ROLE_NOT_ALLOWED', `Le rôle « ${actor.role} » ne permet pas « ${command} ».`, {
    role: actor.role,
    command,
    allowedRoles: ['system'],
  });
}

const cancelled = (d: ReportDeadline, p: Project, cancelledBy: string, at: string): DomainEvent => {
  const data: DeadlineCancelledData = { deadlineId: d.deadlineId, name: REPORT_DEADLINE, subjectId: p.id, cancelledBy, at };
  return { type: ProjectEventType.DeadlineCancelled, data };
};

/**
 * The act is fully signed (or amended with a new day): the report is due by the end of `reportDueOn` in the project's
 * territory (moved off a non-working day), reminded 30 days before. A no-op when that deadline is already open, or the
 * report already transmitted; an open deadline for another day (an amendment) is lifted and the new one opened.
 */
export function openReportDeadline(c: OpenReportDeadline, p: Project): DomainEvent[] {
  requireSystem(c.ctx.actor, c.type);
  if (!isCalendarDay(c.reportDueOn)) throw invalid('PROJECT_INVALID_FIELD', 'reportDueOn', 'a day YYYY-MM-DD');
  if (p.finalReport || p.status === 'closed') return [];
  const open = p.reportDeadline;
  if (open?.actId === c.actId && open.reportDueOn === c.reportDueOn) return [];
  const at = c.ctx.now.toISOString();
  const departement = p.content.territory.departement;
  const due = fixedDueDate(c.reportDueOn, departement);
  const remindAt = workingDayReminder(due, REPORT_REMINDER_DAYS, c.ctx.now, departement);
  const data: ReportDeadlineOpenedData = {
    deadlineId: `${p.id}/${REPORT_DEADLINE}/${p.workflow.deadlinesOpened + 1}`,
    name: REPORT_DEADLINE,
    subjectId: p.id,
    openedAt: at,
    dueAt: due.dueAt.toISOString(),
    onExpiry: { command: REPORT_FORMAL_NOTICE_COMMAND, reason: REPORT_FORMAL_NOTICE_REASON },
    dueDay: due.dueDay,
    timeZone: due.timeZone,
    ...(remindAt ? { remindAt: remindAt.toISOString() } : {}),
    actId: c.actId,
    reportDueOn: c.reportDueOn,
  };
  return [...(open ? [cancelled(open, p, c.type, at)] : []), { type: ProjectEventType.DeadlineOpened, data }];
}

/** The act is cancelled: its report deadline is lifted (a no-op when none is open for it). */
export function cancelReportDeadline(c: CancelReportDeadline, p: Project): DomainEvent[] {
  requireSystem(c.ctx.actor, c.type);
  const open = p.reportDeadline;
  return open?.actId === c.actId ? [cancelled(open, p, c.type, c.ctx.now.toISOString())] : [];
}

/** The holder transmits the report (`submit_final_report`): decided with the transition, the deadline is lifted. */
export function reportDeadlineLifted(p: Project, command: string, ctx: CommandContext): DomainEvent[] {
  return p.reportDeadline ? [cancelled(p.reportDeadline, p, command, ctx.now.toISOString())] : [];
}

export const isReportDeadline = (p: Project, deadlineId: string): boolean => p.reportDeadline?.deadlineId === deadlineId;

/**
 * The lapse: the deadline expires and the system records the formal notice (mise en demeure). A no-op once the deadline
 * is no longer open (firing twice is harmless); refused before it is due.
 */
export function expireReportDeadline(deadlineId: string, ctx: CommandContext, p: Project): DomainEvent[] {
  const open = p.reportDeadline;
  if (open?.deadlineId !== deadlineId) return [];
  if (ctx.now.getTime() < Date.parse(open.dueAt)) {
    throw new DomainError('conflict', PROJECT_WORKFLOW_CODES.deadlineNotDue, `L’échéance ${deadlineId} n’arrive qu’au ${open.dueAt}.`, {
      deadlineId,
      dueAt: open.dueAt,
    });
  }
  const at = ctx.now.toISOString();
  const expired: DeadlineExpiredData = { deadlineId, name: REPORT_DEADLINE, subjectId: p.id, dueAt: open.dueAt, at };
  const notice: ReportFormalNoticeData = {
    deadlineId,
    actId: open.actId,
    reportDueOn: open.reportDueOn,
    dueDay: open.dueDay,
    dueAt: open.dueAt,
    reason: REPORT_FORMAL_NOTICE_REASON,
    by: { id: ctx.actor.id, role: ctx.actor.role },
    at,
  };
  return [
    { type: ProjectEventType.DeadlineExpired, data: expired },
    { type: ProjectEventType.ReportFormalNotice, data: notice },
  ];
}

/** Evolve: the report deadline's own facts, beside the workflow instance (which keeps every open deadline). */
export function evolveReportDeadline(p: Project, event: DomainEvent): Project {
  switch (event.type) {
    case ProjectEventType.DeadlineOpened: {
      const d = event.data as Partial<ReportDeadlineOpenedData>;
      if (d.name !== REPORT_DEADLINE || !d.actId || !d.reportDueOn || !d.deadlineId || !d.dueAt) return p;
      const dueDay = d.dueDay ?? d.reportDueOn;
      return { ...p, reportDeadline: { deadlineId: d.deadlineId, actId: d.actId, reportDueOn: d.reportDueOn, dueDay, dueAt: d.dueAt } };
    }
    case ProjectEventType.DeadlineCancelled:
    case ProjectEventType.DeadlineExpired: {
      if (p.reportDeadline?.deadlineId !== (event.data as { deadlineId?: string }).deadlineId) return p;
      const { reportDeadline: _lifted, ...rest } = p;
      return rest;
    }
    case ProjectEventType.ReportFormalNotice: {
      const n = event.data as ReportFormalNoticeData;
      return { ...p, reportFormalNotice: { deadlineId: n.deadlineId, actId: n.actId, dueDay: n.dueDay, at: n.at } };
    }
    default:
      return p;
  }
}

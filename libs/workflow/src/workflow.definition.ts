import type { Actor } from '#kernel';

export type Role = Actor['role'];
export type ScopeKey = keyof Actor['scope'];

export const ROLES: readonly Role[] = ['holder', 'validator', 'decider', 'finance', 'accountant', 'auditor', 'admin', 'system'];

/** What the engine sees of the thing it moves through states (a project, for Refonda). */
export interface WorkflowSubject {
  id: string;
  /** Who owns the subject: for a project, its holder and co-holder organisations (an actor owns it by acting for one). */
  ownerIds: readonly string[];
  /** Territory codes of the subject, by field (région, académie, département, cts…). */
  territory: Readonly<Record<string, string | undefined>>;
  /** The dossier's fields, for `requiredFields` and guards. */
  fields: Readonly<Record<string, unknown>>;
}

export interface WorkflowStateDef {
  name: string;
  /** French label shown to users. */
  label: string;
  initial?: boolean;
  final?: boolean;
}

/** A named predicate on the subject; returns a French explanation when the transition must not run. */
export interface WorkflowGuard {
  name: string;
  label: string;
  check(subject: WorkflowSubject): string | undefined;
}

/** A value the command itself must bring (e.g. the granted amount). */
export interface WorkflowInput {
  name: string;
  label: string;
}

export interface WorkflowTransitionDef {
  command: string;
  /** The stable type of the business event this transition records ('project.submitted'); one per command. */
  event: string;
  from: string[];
  to: string;
  roles: Role[];
  /** Subject fields that must be filled in before the transition (a dossier complete enough to submit). */
  requiredFields?: string[];
  /** Values the command must carry. */
  inputs?: WorkflowInput[];
  reasonRequired?: boolean;
  guards?: WorkflowGuard[];
  /** Name of a deadline (in `deadlines`) this transition opens. */
  opensDeadline?: string;
  label: string;
}

export interface WorkflowDeadlineDef {
  name: string;
  label: string;
  /** Calendar days the subject's holder has (the program's setting); the engine's due-date function counts them. */
  durationDays: number;
  /** The days of the subject's school holidays do not count (a school cannot answer during them). Default false. */
  suspendDuringSchoolHolidays?: boolean;
  /** A reminder is due this many days before the deadline lapses (none when absent). */
  reminderDaysBefore?: number;
  /** The transition run when the deadline passes, with the reason it records. */
  onExpiry: { command: string; reason: string };
  /** Commands that make the deadline moot (they cancel it). */
  cancelledBy: string[];
}

/** Territory rule: an actor of this role acts if one of its scope codes equals the subject's field. */
export interface TerritoryRule {
  scope: ScopeKey;
  field: string;
}

export interface WorkflowAccess {
  /** Roles that may act only on subjects they own (acting for one of subject.ownerIds: actor.organisations). */
  ownerRoles: Role[];
  /** Roles restricted to a territory: any one rule matching suffices. Roles absent here are national. */
  territory: Partial<Record<Role, TerritoryRule[]>>;
}

export interface WorkflowDefinition {
  id: string;
  version: number;
  program: string;
  /** French title of the program. */
  title: string;
  states: WorkflowStateDef[];
  transitions: WorkflowTransitionDef[];
  deadlines: WorkflowDeadlineDef[];
  access: WorkflowAccess;
}

export const initialStateOf = (d: WorkflowDefinition): WorkflowStateDef => {
  const s = d.states.find((x) => x.initial);
  if (!s) throw new Error(`workflow ${d.id} v${d.version} has no initial state`);
  return s;
};

export const isFinalState = (d: WorkflowDefinition, state: string): boolean => d.states.some((s) => s.name === state && s.final === true);

export const transitionsFrom = (d: WorkflowDefinition, state: string): WorkflowTransitionDef[] =>
  d.transitions.filter((t) => t.from.includes(state));

export const findTransition = (d: WorkflowDefinition, command: string, state: string): WorkflowTransitionDef | undefined =>
  d.transitions.find((t) => t.command === command && t.from.includes(state));

export const definesCommand = (d: WorkflowDefinition, command: string): boolean => d.transitions.some((t) => t.command === command);

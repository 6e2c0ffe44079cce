import { ROLES, type WorkflowDefinition } from './workflow.definition.js';

export type WorkflowFault =
  | 'invalid_identity'
  | 'no_states'
  | 'duplicate_state'
  | 'initial_state_count'
  | 'missing_label'
  | 'unknown_state'
  | 'unknown_role'
  | 'ambiguous_transition'
  | 'final_state_with_exits'
  | 'dead_end_state'
  | 'unreachable_state'
  | 'unknown_deadline'
  | 'invalid_deadline'
  | 'deadline_outlives_state'
  | 'invalid_event'
  /** Checked by the application that runs the definition (programs it knows, commands it can run). */
  | 'unknown_program'
  | 'unrunnable_command';

/** A definition that cannot run: names the definition, its version and the fault. */
export class WorkflowDefinitionError extends Error {
  constructor(
    readonly definitionId: string,
    readonly version: number,
    readonly fault: WorkflowFault,
    detail: string,
  ) {
    super(`workflow definition "${definitionId}" v${version}: ${fault}: ${detail}`);
    this.name = 'WorkflowDefinitionError';
  }
}

/** Checks a definition when the application starts; throws the first fault found. */
export function validateDefinition(d: WorkflowDefinition): void {
  const fail = (fault: WorkflowFault, detail: string): never => {
    throw new WorkflowDefinitionError(String(d.id), d.version, fault, detail);
  };
  if (!d.id || !d.program || !Number.isSafeInteger(d.version) || d.version < 1) {
    fail('invalid_identity', 'id and program must be non-empty and version an integer >= 1');
  }
  if (!d.title?.trim()) fail('missing_label', 'the definition has no title');
  if (d.states.length === 0) fail('no_states', 'a workflow needs states');

  const names = new Set<string>();
  for (const s of d.states) {
    if (names.has(s.name)) fail('duplicate_state', `state "${s.name}" is declared twice`);
    names.add(s.name);
    if (!s.label?.trim()) fail('missing_label', `state "${s.name}" has no label`);
  }
  const initials = d.states.filter((s) => s.initial);
  if (initials.length !== 1) fail('initial_state_count', `expected exactly one initial state, found ${initials.length}`);

  const seen = new Set<string>();
  for (const t of d.transitions) {
    const where = `transition "${t.command}"`;
    if (!t.label?.trim()) fail('missing_label', `${where} has no label`);
    if (!names.has(t.to)) fail('unknown_state', `${where} goes to unknown state "${t.to}"`);
    if (t.from.length === 0) fail('unknown_state', `${where} has no from-state`);
    for (const f of t.from) {
      if (!names.has(f)) fail('unknown_state', `${where} leaves unknown state "${f}"`);
      if (seen.has(`${t.command}@${f}`)) fail('ambiguous_transition', `${where} is declared twice from "${f}"`);
      seen.add(`${t.command}@${f}`);
    }
    checkEvent(d, t, fail);
    if (t.roles.length === 0) fail('unknown_role', `${where} allows no role`);
    for (const r of t.roles) if (!ROLES.includes(r)) fail('unknown_role', `${where} allows unknown role "${r}"`);
  }

  for (const s of d.states) {
    const exits = d.transitions.filter((t) => t.from.includes(s.name));
    if (s.final && exits.length > 0) {
      fail('final_state_with_exits', `final state "${s.name}" has exits: ${exits.map((t) => t.command).join(', ')}`);
    }
    if (!s.final && exits.length === 0) fail('dead_end_state', `state "${s.name}" is not final but has no exit`);
  }

  const reached = new Set<string>([initials[0]!.name]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of d.transitions) {
      if (!reached.has(t.to) && t.from.some((f) => reached.has(f))) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  const unreachable = d.states.filter((s) => !reached.has(s.name)).map((s) => s.name);
  if (unreachable.length > 0) fail('unreachable_state', `unreachable from "${initials[0]!.name}": ${unreachable.join(', ')}`);

  validateDeadlines(d, fail);
}

function validateDeadlines(d: WorkflowDefinition, fail: (fault: WorkflowFault, detail: string) => never): void {
  const commands = new Set(d.transitions.map((t) => t.command));
  const byName = new Map(d.deadlines.map((x) => [x.name, x]));
  for (const x of d.deadlines) {
    const where = `deadline "${x.name}"`;
    if (!x.label?.trim()) fail('missing_label', `${where} has no label`);
    if (!Number.isSafeInteger(x.durationDays) || x.durationDays < 1)
      fail('invalid_deadline', `${where}: durationDays must be an integer >= 1`);
    if (x.suspendDuringSchoolHolidays !== undefined && typeof x.suspendDuringSchoolHolidays !== 'boolean')
      fail('invalid_deadline', `${where}: suspendDuringSchoolHolidays must be true or false`);
    const remind = x.reminderDaysBefore;
    if (remind !== undefined && (!Number.isSafeInteger(remind) || remind < 1 || remind >= x.durationDays))
      fail('invalid_deadline', `${where}: reminderDaysBefore must be an integer >= 1 and < durationDays`);
    if (!commands.has(x.onExpiry.command))
      fail('invalid_deadline', `${where}: onExpiry command "${x.onExpiry.command}" is not a transition`);
    if (!x.onExpiry.reason?.trim()) fail('invalid_deadline', `${where}: onExpiry needs a reason`);
    for (const c of x.cancelledBy) if (!commands.has(c)) fail('invalid_deadline', `${where}: cancelledBy "${c}" is not a transition`);
    const openers = d.transitions.filter((t) => t.opensDeadline === x.name);
    if (openers.length === 0) fail('invalid_deadline', `${where} is opened by no transition`);
    for (const opener of openers) {
      const expiry = d.transitions.find((t) => t.command === x.onExpiry.command && t.from.includes(opener.to));
      if (!expiry)
        fail('invalid_deadline', `${where}: "${x.onExpiry.command}" cannot run from "${opener.to}" where "${opener.command}" opens it`);
      for (const exit of d.transitions.filter((t) => t.from.includes(opener.to) && t.to !== opener.to)) {
        if (exit.command !== x.onExpiry.command && !x.cancelledBy.includes(exit.command)) {
          fail('deadline_outlives_state', `${where}: "${exit.command}" leaves "${opener.to}" without cancelling it`);
        }
      }
    }
  }
  for (const t of d.transitions) {
    if (t.opensDeadline !== undefined && !byName.has(t.opensDeadline)) {
      fail('unknown_deadline', `transition "${t.command}" opens unknown deadline "${t.opensDeadline}"`);
    }
  }
}

const EVENT_TYPE = /^[a-z]+\.[a-z]+(?:_[a-z]+)*$/;
const FACTS = new Set(['from', 'to', 'reason', 'by', 'at']);

/** One stable event type per command, distinct between commands; inputs never shadow the facts every event records. */
function checkEvent(
  d: WorkflowDefinition,
  t: WorkflowDefinition['transitions'][number],
  fail: (f: WorkflowFault, m: string) => never,
): void {
  const where = `transition "${t.command}"`;
  if (!EVENT_TYPE.test(t.event ?? '')) fail('invalid_event', `${where} has no event type of the form "subject.fact_name"`);
  const clash = d.transitions.find((x) => (x.command === t.command) !== (x.event === t.event));
  if (clash) fail('invalid_event', `${where} and "${clash.command}" must have one event type per command`);
  for (const input of t.inputs ?? []) if (FACTS.has(input.name)) fail('invalid_event', `${where}: input "${input.name}" shadows a fact`);
}

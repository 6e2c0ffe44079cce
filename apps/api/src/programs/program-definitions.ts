import { PROGRAMS, PROGRAM_DEFINITIONS } from '#projects';
import { type Role, type WorkflowDefinition, WorkflowDefinitionError, WorkflowRegistry } from '#workflow';
import { TRANSITION_COMMANDS } from '../projects/run-transition/run-transition.command.js';

/** The workflow definitions this application runs (every version of every program). */
export const WORKFLOW_DEFINITIONS = Symbol('WORKFLOW_DEFINITIONS');

export interface RunnableCommands {
  /** Programs the project aggregate knows. */
  programs: readonly string[];
  /** Transition commands a user can send (POST /projects/:id/:command). */
  httpCommands: readonly string[];
  /** The role deadline timeouts run as. */
  expiryRole: Role;
}

const APP_COMMANDS: RunnableCommands = { programs: PROGRAMS, httpCommands: TRANSITION_COMMANDS, expiryRole: 'system' };

/** Every version of every program, read when the application starts (the registry is built from them there, once). */
export const registeredDefinitions = (): WorkflowDefinition[] => [...PROGRAM_DEFINITIONS];

/**
 * Start-up check: each definition is valid on its own (validateDefinition, through the registry) and runnable
 * here: its program is known, every program has one, every command is reachable (over HTTP or as a timeout
 * run by the deadline process). Throws a WorkflowDefinitionError naming the definition and the fault.
 */
export function checkProgramDefinitions(
  definitions: readonly WorkflowDefinition[],
  runnable: RunnableCommands = APP_COMMANDS,
): WorkflowRegistry {
  const registry = new WorkflowRegistry();
  for (const d of definitions) {
    const fail = (fault: 'unknown_program' | 'unrunnable_command' | 'invalid_deadline', detail: string): never => {
      throw new WorkflowDefinitionError(String(d.id), d.version, fault, detail);
    };
    registry.register(d);
    if (!runnable.programs.includes(d.program))
      fail('unknown_program', `program "${d.program}" is not one of ${runnable.programs.join(', ')}`);
    const expiries = new Set(d.deadlines.map((x) => x.onExpiry.command));
    for (const x of d.deadlines) {
      const expiry = d.transitions.filter((t) => t.command === x.onExpiry.command);
      if (expiry.some((t) => !t.roles.includes(runnable.expiryRole))) {
        fail(
          'invalid_deadline',
          `deadline "${x.name}": its timeout "${x.onExpiry.command}" must allow role ${runnable.expiryRole}, which runs it`,
        );
      }
      if (expiry.some((t) => (t.inputs ?? []).length > 0))
        fail('invalid_deadline', `deadline "${x.name}": its timeout "${x.onExpiry.command}" cannot take inputs`);
    }
    for (const t of d.transitions) {
      if (!runnable.httpCommands.includes(t.command) && !expiries.has(t.command)) {
        fail('unrunnable_command', `transition "${t.command}" is neither an HTTP command nor a deadline's timeout`);
      }
    }
  }
  for (const program of runnable.programs) {
    if (!registry.has(program))
      throw new WorkflowDefinitionError(program, 0, 'unknown_program', `program "${program}" has no workflow definition`);
  }
  return registry;
}

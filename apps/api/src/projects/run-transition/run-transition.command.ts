import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { TransitionCommand } from '#projects';
import type { ProjectWritten } from '../project-written.js';

/** A workflow step on a project: the transition and the values it brings (reason, granted amount, CTS opinion…). */
export type TransitionInput = TransitionCommand extends infer T ? (T extends unknown ? Omit<T, 'projectId' | 'ctx'> : never) : never;

/** The transitions a person sends (POST /projects/:id/<command>); `lapse` is the deadline process's only. */
export const TRANSITION_COMMANDS = [
  'start_drafting',
  'submit',
  'start_analysis',
  'complete_analysis',
  'request_completion',
  'resubmit',
  'refer_to_cts',
  'record_cts_opinion',
  'validate',
  'reject',
  'return_to_instruction',
  'reopen',
  'withdraw',
  'start_financing',
  'submit_final_report',
  'close',
] as const;

export class RunProjectTransition extends Command<ProjectWritten> {
  constructor(
    readonly projectId: string,
    readonly transition: TransitionInput,
    readonly meta: CommandMeta,
    /** The decision's time when the caller fixes it (the funding process: its trigger's); now otherwise. */
    readonly at?: Date,
  ) {
    super();
  }
}

import type { TransitionFacts } from '#workflow';
import { TRANSITION_EVENTS, type TransitionCommandName } from './project.events.js';

/** v1 recorded every workflow step as this one generic event; it is read as the typed business event it stands for. */
export const V1_TRANSITIONED = 'project.transitioned';

export interface V1TransitionedData extends TransitionFacts {
  command: string;
  inputs?: Record<string, unknown>;
}

/**
 * 'project.transitioned' { command: 'validate', inputs: { grantedAmountCents }, … } → 'project.validated' { grantedAmountCents, … }.
 * A command this version does not know becomes an event type it does not know either, so the project refuses to decide.
 */
export function typedFromV1Transition(d: V1TransitionedData): { type: string; data: unknown } {
  const { command, inputs, from, to, reason, by, at } = d;
  const type = Object.hasOwn(TRANSITION_EVENTS, command) ? TRANSITION_EVENTS[command as TransitionCommandName] : `project.v1_${command}`;
  return { type, data: { from, to, ...(reason === undefined ? {} : { reason }), by, at, ...inputs } };
}

import type { Decider } from '#kernel';
import type { EnvelopeCommand } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { type EnvelopeState, initialEnvelopeState } from './envelope.state.js';
import { decideEnvelope } from './envelope.decide.js';
import { evolveEnvelope } from './envelope.evolve.js';

/**
 * One envelope = one stream 'envelope-<envelopeId>' (envelopeStreamId); run it with the store's handleCommand, or
 * handleEnvelopeCommand.
 */
export const envelopeDecider: Decider<EnvelopeCommand, EnvelopeEvent, EnvelopeState> = {
  decide: decideEnvelope,
  evolve: evolveEnvelope,
  initialState: initialEnvelopeState,
};

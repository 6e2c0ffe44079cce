import { type Decider, fold } from '#kernel';
import type { SessionCommand } from './session.commands.js';
import { decideSession } from './session.decide.js';
import type { SessionEvent } from './session.events.js';
import { evolveSession } from './session.evolve.js';
import { type SessionState, initialSessionState } from './session.state.js';

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  decide: decideSession,
  evolve: evolveSession,
  initialState: initialSessionState,
};

/** Folding a session's stream (reads, the history of a project). */
export const sessionEvolution = { evolve: evolveSession, initialState: initialSessionState };

export const foldSession = (events: readonly SessionEvent[]): SessionState => fold(sessionEvolution, events);

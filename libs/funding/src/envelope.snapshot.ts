import { CommitmentBook } from './commitment-book.js';
import type { Commitment, EnvelopeState, OpenedEnvelope } from './envelope.state.js';

/**
 * The envelope's state as a snapshot saves it (JSON: the commitments as a list, in the order they were made), and back.
 * Bump ENVELOPE_STATE_SCHEMA whenever the state, evolveEnvelope or an upcaster of envelope events changes: snapshots
 * saved under another schema are then not used, and streams are folded again from their first event.
 */
export const ENVELOPE_STATE_SCHEMA = 'envelope-state/4';

type Saved = { status: 'none' } | (Omit<OpenedEnvelope, 'commitments'> & { commitments: Commitment[] });

export function encodeEnvelopeState(state: EnvelopeState): Saved {
  return state.status === 'none' ? state : { ...state, commitments: [...state.commitments] };
}

export function decodeEnvelopeState(saved: unknown): EnvelopeState {
  const s = saved as Saved;
  if (s?.status === 'none') return { status: 'none' };
  if ((s?.status !== 'open' && s?.status !== 'closed') || !Array.isArray(s.commitments) || typeof s.commitmentTotals !== 'object') {
    throw new Error('not a saved envelope state');
  }
  return { ...s, commitments: CommitmentBook.of(s.commitments) };
}

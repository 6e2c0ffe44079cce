import { DomainError, invalid } from '#kernel';
import { addCents } from './money.js';
import type { EnvelopeEvent } from './envelope.events.js';
import type { OpenedEnvelope } from './envelope.state.js';
import type { Stamp } from './envelope.decide.credits.js';

/**
 * What committing `amountCents` more on `splitKey` does to the envelope's indicative split: nothing within the share;
 * beyond it, a soft split records `envelope.split_exceeded` (the commitment stands), a hard split refuses. A commitment
 * without a key is refused by a hard split only.
 */
export function splitConsequences(s: OpenedEnvelope, splitKey: string | null, commitmentRef: string, amountCents: number, stamp: Stamp) {
  const split = s.split;
  if (!split) return [];
  const keys = Object.keys(split.shares);
  if (splitKey === null) {
    if (split.mode === 'hard') throw invalid('ENVELOPE_SPLIT_KEY_REQUIRED', 'splitKey', `one of ${keys.join(', ')}`);
    return [];
  }
  const shareCents = split.shares[splitKey];
  if (shareCents === undefined) throw invalid('ENVELOPE_UNKNOWN_SPLIT_KEY', 'splitKey', `one of ${keys.join(', ')}`, { allowed: keys });
  const committedCents = addCents(s.splitCommitted[splitKey] ?? 0, amountCents);
  if (committedCents <= shareCents) return [];
  if (split.mode === 'hard') {
    throw new DomainError(
      'conflict',
      'ENVELOPE_SPLIT_EXCEEDED',
      `La part de ${splitKey} sur l’enveloppe ${s.envelopeId} serait dépassée.`,
      {
        splitKey,
        shareCents,
        committedCents: committedCents - amountCents,
        requestedCents: amountCents,
        availableCents: Math.max(0, shareCents - (committedCents - amountCents)),
      },
    );
  }
  const excessCents = committedCents - shareCents;
  const exceeded: EnvelopeEvent = {
    type: 'envelope.split_exceeded',
    data: { ...stamp, splitKey, commitmentRef, shareCents, committedCents, excessCents },
  };
  return [exceeded];
}

import { describe, expect, it } from '@jest/globals';
import { toMermaid } from './workflow.mermaid.js';
import { reviewDefinition } from './workflow.fixture.js';

describe('toMermaid', () => {
  it('prints a state diagram with French labels, initial and final states, one edge per from-state', () => {
    expect(toMermaid(reviewDefinition())).toBe(`stateDiagram-v2
  %% review v1: Demande de relecture
  state "Brouillon" as draft
  state "Envoyé" as sent
  state "En attente de réponse" as waiting
  state "Accepté" as accepted
  state "Abandonné" as dropped
  [*] --> draft
  draft --> sent: send (holder)
  sent --> waiting: ask (validator, motif, ⏱ reply)
  waiting --> sent: reply (holder)
  sent --> accepted: accept (validator, motif) [has_budget]
  draft --> dropped: drop (holder)
  sent --> dropped: drop (holder)
  waiting --> dropped: drop (holder)
  waiting --> dropped: time_out (system, motif)
  accepted --> [*]
  dropped --> [*]
  %% deadline reply: 10 days, then time_out; cancelled by reply, drop
`);
  });
});

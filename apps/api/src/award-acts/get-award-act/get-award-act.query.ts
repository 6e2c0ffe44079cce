import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { AwardActView } from '../award-act.view.js';
import type { EnvelopeCandidate } from '#awards';

export class GetAwardAct extends Query<AwardActView> {
  constructor(
    readonly projectId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}

export type EnvelopeProposal = {
  exercise: number;
  proposed: string | null;
  candidates: (EnvelopeCandidate & { label: string; aeAvailable: string })[];
};

/** The envelopes an act for the project may draw on in an exercise, the proposed match first. */
export class ProposeAwardActEnvelopes extends Query<EnvelopeProposal> {
  constructor(
    readonly projectId: string,
    readonly exercise: number | undefined,
    readonly principal: Actor,
  ) {
    super();
  }
}

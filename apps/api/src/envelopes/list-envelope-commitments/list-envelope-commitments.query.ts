import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { CommitmentsPageView } from './list-envelope-commitments.handler.js';

/** A page of an envelope's commitments, in the order they were made: now, or as they were at `asOf`. */
export class ListEnvelopeCommitments extends Query<CommitmentsPageView> {
  constructor(
    readonly envelopeId: string,
    readonly principal: Actor,
    readonly paging: { from?: string; limit?: string },
    readonly asOf?: string,
  ) {
    super();
  }
}

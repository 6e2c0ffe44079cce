import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { SignedDecisionRow } from '#projections';

/** Every decision signed under a delegation of signature (after `minPosition`, for read-your-writes). */
export class ListDelegatedDecisions extends Query<{ delegationId: string; actReference: string; decisions: SignedDecisionRow[] }> {
  constructor(
    readonly delegationId: string,
    readonly principal: Actor,
    readonly minPosition?: string,
  ) {
    super();
  }
}

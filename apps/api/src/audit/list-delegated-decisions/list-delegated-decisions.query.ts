import { Query } from '@nestjs/cqrs';
import type { SignedDecisionRow } from '#projections';

/** Every decision signed under a delegation of signature (after `minPosition`, for read-your-writes). */
export class ListDelegatedDecisions extends Query<{ delegationId: string; decisions: SignedDecisionRow[] }> {
  constructor(
    readonly delegationId: string,
    readonly minPosition?: string,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { Delegation } from '#delegations';

export interface DelegationView extends Delegation {
  /** The last day in force (inclusive): the revocation's end, else validUntil; null while open-ended. */
  lastDay: string | null;
  revision: string;
  position: string;
}

/** A delegation folded from its stream, as the principal may read it. */
export class GetDelegation extends Query<DelegationView> {
  constructor(
    readonly delegationId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}

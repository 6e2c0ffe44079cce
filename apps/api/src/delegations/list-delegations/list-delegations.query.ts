import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { Delegation } from '#delegations';
import type { DelegationFilters } from '#projections';

export interface DelegationListView {
  items: (Delegation & { lastDay: string | null })[];
  total: number;
}

/** The delegations the principal may read, filtered, once the read model reaches `minPosition`. */
export class ListDelegations extends Query<DelegationListView> {
  constructor(
    readonly principal: Actor,
    readonly filters: DelegationFilters,
    readonly minPosition?: string,
  ) {
    super();
  }
}

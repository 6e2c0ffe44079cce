import { Query } from '@nestjs/cqrs';
import type { InterestLink } from '#committees';
import type { Actor } from '#kernel';

export interface InterestsView {
  personId: string;
  links: readonly InterestLink[];
  /** -1: nothing declared yet. */
  revision: string;
}

/** A person's declared links in force: for the person, admins and auditors. */
export class GetInterestDeclarations extends Query<InterestsView> {
  constructor(
    readonly personId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}

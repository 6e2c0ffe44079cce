import { Query } from '@nestjs/cqrs';
import type { Grant } from '#directory';
import type { Actor } from '#kernel';

export interface GrantsView {
  personId: string;
  grants: Grant[];
  revision: string;
}

/** A person's habilitations, from their stream (always current): for admins, auditors, and the person themselves. */
export class GetGrants extends Query<GrantsView> {
  constructor(
    readonly personId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}

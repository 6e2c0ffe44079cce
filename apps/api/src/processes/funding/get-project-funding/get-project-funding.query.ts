import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';

/** A project's money as the principal may see it: the funding process's record, the commitment, instalments, payments. */
export class GetProjectFunding extends Query<Record<string, unknown>> {
  constructor(
    readonly projectId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { OrganisationRegistered, Payee } from '#directory';
import type { Actor } from '#kernel';

export type OrganisationView = OrganisationRegistered['data'] & {
  communeName?: string;
  members: string[];
  /** Absent for a reader who may not see bank details (they see that one is set). */
  payee?: Payee;
  payeeSet: boolean;
  revision: string;
};

/** An organisation as registered, with its members (directory ids) and, for who may see it, its payee. */
export class GetOrganisation extends Query<OrganisationView> {
  constructor(
    readonly organisationId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { OrganisationRow } from '#projections';

export interface OrganisationSearch {
  departement?: string;
  kind?: string;
  page: number;
  pageSize: number;
}

/** Registered organisations (the directory's read model; after `minPosition` for read-your-writes). */
export class ListOrganisations extends Query<{ items: OrganisationRow[]; page: number; pageSize: number }> {
  constructor(
    readonly search: OrganisationSearch,
    readonly minPosition?: string,
  ) {
    super();
  }
}

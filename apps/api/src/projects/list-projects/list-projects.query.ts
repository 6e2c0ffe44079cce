import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';

export interface ProjectFilters {
  program?: string;
  status?: string;
  territory?: string;
  holder?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface ProjectPage {
  items: unknown[];
  page: number;
  pageSize: number;
  total: number;
}

/** The projects the principal may see, filtered and paged, once the read models reach `minPosition`. */
export class ListProjects extends Query<ProjectPage> {
  constructor(
    readonly principal: Actor,
    readonly filters: ProjectFilters,
    readonly minPosition?: string,
  ) {
    super();
  }
}

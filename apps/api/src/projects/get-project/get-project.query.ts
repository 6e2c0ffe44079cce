import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { Project } from '#projects';

export interface ProjectView extends Project {
  revision: string;
  position: string;
  actions: unknown[];
  asOf?: string;
}

/** A project as the principal may see it: now (from the read model, after `minPosition`), or as it was at `asOf`. */
export class GetProject extends Query<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly principal: Actor,
    readonly minPosition?: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

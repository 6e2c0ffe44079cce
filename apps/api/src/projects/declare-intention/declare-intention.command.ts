import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { OrganisationKind } from '#directory';
import type { Holder, Partner, Program, Territory } from '#projects';
import type { ProjectWritten } from '../project-written.js';

export interface Intention {
  program: Program;
  title: string;
  description: string;
  territory: Territory;
  /** The kind serves only to register an organisation the directory does not know yet. */
  holder: Holder & { kind?: OrganisationKind };
  coHolders: Holder[];
  partners: Partner[];
}

/** A holder declares an intention of concertation: the project is created (its id chosen, or derived from the key). */
export class DeclareIntention extends Command<ProjectWritten> {
  constructor(
    readonly projectId: string | undefined,
    readonly intention: Intention,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

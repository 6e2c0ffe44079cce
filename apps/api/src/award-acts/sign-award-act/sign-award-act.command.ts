import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { AwardActWritten } from '../award-act-command.runner.js';

/** The authority (recteur, DG ARS) or its delegate signs the project's award act. */
export class SignAwardAct extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** A person acting for the beneficiary signs the convention for it. */
export class CountersignAwardAct extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** Finance cancels an act not yet committed (a wrong payee, a wrong envelope): it may then draft a new one. */
export class CancelAwardAct extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly reason: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import type { CommandContext, CommandMeta } from '#kernel';
import {
  type DeclaredInterests,
  type SessionCommand,
  interestsEvolution,
  interestsStreamId,
  sessionDecider,
  sessionEvolution,
  sessionStreamId,
} from '#committees';
import { CommandShell } from '../infrastructure/cqrs/command-shell.js';
import { type Written, writtenOf } from './session-written.js';

/** Builds the domain command once the context and the links in force of the people concerned are known. */
export type BuildSessionCommand = (ctx: CommandContext, interests: DeclaredInterests) => SessionCommand;

/**
 * What every session command handler does: read the links each seated member (and `alsoConcerned`) has declared now,
 * build the command with them, and run it on the session's stream. The decider refuses a command missing a member's
 * links (one seated meanwhile): the conflict rule never runs on links it was not given.
 */
@Injectable()
export class SessionCommandRunner {
  constructor(
    @Inject(CommandShell) private readonly shell: CommandShell,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(sessionId: string, name: string, inputs: unknown, meta: CommandMeta, build: BuildSessionCommand, alsoConcerned: string[] = []) {
    const session = foldRecorded(sessionEvolution, await this.store.readStream(sessionStreamId(sessionId)));
    const members = session.scheduled ? session.members.map((m) => m.personId) : [];
    const interests = await this.linksOf([...members, ...alsoConcerned]);
    const now = this.shell.now();
    const command = build({ actor: meta.principal, now }, interests);
    const result = await this.shell.run(
      { streamId: sessionStreamId(sessionId), decider: sessionDecider, command, name, inputs, meta },
      now,
    );
    return writtenOf(sessionId, result) satisfies Written;
  }

  /** The links in force of each person, folded from their interests stream. */
  async linksOf(personIds: readonly string[]): Promise<DeclaredInterests> {
    const unique = [...new Set(personIds)];
    const folded = await Promise.all(
      unique.map(async (id) => {
        const history = await this.store.readStream(interestsStreamId(id));
        return [id, foldRecorded(interestsEvolution, history).links] as const;
      }),
    );
    return Object.fromEntries(folded);
  }
}

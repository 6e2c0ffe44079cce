import { Inject, Injectable } from '@nestjs/common';
import { type EnvelopeCandidate, envelopeCandidates, fundOfProgram } from '#awards';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Project } from '#projects';
import { EnvelopeBalanceQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';

/** The open envelopes an act for the project may draw on in an exercise (the read model caught up with the log first). */
@Injectable()
export class AwardActEnvelopes {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EnvelopeBalanceQueries) private readonly envelopes: EnvelopeBalanceQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  async candidates(project: Project, exercise: number): Promise<(EnvelopeCandidate & { label: string; aeAvailableCents: number })[]> {
    await this.ryw.waitForPosition(String(await this.store.headPosition()));
    const rows = this.envelopes.list({ fund: fundOfProgram(project.program), year: exercise }).filter((r) => r.status === 'open');
    const byId = new Map(rows.map((r) => [r.envelopeId, r]));
    return envelopeCandidates({ program: project.program, territory: project.content.territory }, exercise, [...byId.keys()]).map((c) => ({
      ...c,
      label: byId.get(c.envelopeId)!.label,
      aeAvailableCents: byId.get(c.envelopeId)!.ae.availableCents,
    }));
  }
}

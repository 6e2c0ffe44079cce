import type { EventStore } from '#event-store';
import { evolveProject, initialProjectState, isProjectEvent, type Program, type ProjectState } from '#projects';
import { type AsOf, isWithin } from './fold-as-of.js';

export interface FunnelAsOf {
  /** The asOf asked: a position or an ISO instant. */
  asOf: string;
  /** Global position of the last event of the log within asOf ("0": none). */
  position: string;
  /** Projects per program and status then, sorted by program then status. */
  rows: { program: Program; status: string; count: number }[];
  /** The same as counts: byProgram.education.validated. */
  byProgram: Partial<Record<Program, Record<string, number>>>;
  total: number;
}

/**
 * The dashboard funnel as it was at `asOf`: every project stream folded (the domain's own evolve) up to that
 * point of the global log, then counted per program and status. Reads the log in pages of `pageSize`.
 */
export async function funnelAsOf(store: EventStore, asOf: AsOf, options: { pageSize?: number } = {}): Promise<FunnelAsOf> {
  const pageSize = options.pageSize ?? 1000;
  const projects = new Map<string, ProjectState>();
  let from = 1n;
  let position = 0n;
  outer: for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    for (const event of page) {
      if (!isWithin(event, asOf)) break outer;
      position = event.position;
      if (!event.streamId.startsWith('project-')) continue;
      const domainEvent = { type: event.type, data: event.data };
      if (!isProjectEvent(domainEvent)) continue;
      projects.set(event.streamId, evolveProject(projects.get(event.streamId) ?? initialProjectState(), domainEvent));
    }
    if (page.length < pageSize) break;
    from = page[page.length - 1]!.position + 1n;
  }
  const byProgram: FunnelAsOf['byProgram'] = {};
  let total = 0;
  for (const p of projects.values()) {
    if (!p.exists) continue;
    const counts = (byProgram[p.program] ??= {});
    counts[p.status] = (counts[p.status] ?? 0) + 1;
    total++;
  }
  const rows = Object.entries(byProgram)
    .flatMap(([program, counts]) => Object.entries(counts).map(([status, count]) => ({ program: program as Program, status, count })))
    .sort((a, b) => (a.program === b.program ? (a.status < b.status ? -1 : 1) : a.program < b.program ? -1 : 1));
  return { asOf: typeof asOf === 'bigint' ? asOf.toString() : asOf.toISOString(), position: position.toString(), rows, byProgram, total };
}

import Database from 'better-sqlite3';
import type { EventStore } from '#event-store';
import { evolveProject, initialProjectState, isProjectEvent, type Program, type ProjectState } from '#projects';
import { type FunnelFigures, funnelProjection, FunnelQueries, type SchoolLevelRow } from '#projections';
import { type AsOf, asOfLabel, isWithin } from './fold-as-of.js';

export interface FunnelAsOf {
  /** The asOf asked: a position or an ISO instant. */
  asOf: string;
  /** Global position of the last event of the log within asOf ("0": none). */
  position: string;
  /** The dashboard funnel figures then, per program, exactly as GET /dashboard/funnel computes them (`FunnelQueries.byProgram`). */
  programs: Record<string, FunnelFigures>;
  /** The education figures per school level then, as `FunnelQueries.schoolLevels` computes them. */
  schoolLevels: SchoolLevelRow[];
  /** Projects per program and current status then (the domain's own evolve), sorted by program then status. */
  statuses: { program: Program; status: string; count: number }[];
  total: number;
  /**
   * The log already held an event past asOf: the log is append-only, so nothing appended later changes this answer.
   * False when the fold reached the end of the log (an asOf at or past its head): the next event may fall within asOf.
   */
  settled: boolean;
}

/**
 * The dashboard funnel as it was at `asOf`: the log read in pages up to that point; every project folded with the
 * domain's evolve (statuses) and the funnel projection applied to a private in-memory database (figures).
 * `within` ('region:44', 'academie:12') narrows the figures as on the live dashboard.
 */
export async function funnelAsOf(store: EventStore, asOf: AsOf, options: { within?: string; pageSize?: number } = {}): Promise<FunnelAsOf> {
  const pageSize = options.pageSize ?? 1000;
  const projects = new Map<string, ProjectState>();
  const db = new Database(':memory:');
  try {
    funnelProjection.setup(db, '');
    const handled = new Set(funnelProjection.handles);
    let from = 1n;
    let position = 0n;
    let settled = false;
    outer: for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
      for (const event of page) {
        if (!isWithin(event, asOf)) {
          settled = true;
          break outer;
        }
        position = event.position;
        // Every event the projection handles (the directory's registrations give the school levels), as the runner does.
        if (handled.has(event.type)) funnelProjection.apply(db, event, '');
        if (!event.streamId.startsWith('project-')) continue;
        const domainEvent = { type: event.type, data: event.data };
        if (!isProjectEvent(domainEvent)) continue;
        projects.set(event.streamId, evolveProject(projects.get(event.streamId) ?? initialProjectState(), domainEvent));
      }
      // The projection keeps a batch's changes in memory until endBatch: one batch per page.
      funnelProjection.endBatch?.(db, '');
      if (page.length < pageSize) break;
      from = page[page.length - 1]!.position + 1n;
    }
    funnelProjection.endBatch?.(db, '');
    const queries = new FunnelQueries(db);
    return {
      asOf: asOfLabel(asOf),
      position: position.toString(),
      programs: queries.byProgram(options.within),
      schoolLevels: queries.schoolLevels(options.within),
      ...countStatuses(projects),
      settled,
    };
  } finally {
    db.close();
  }
}

function countStatuses(projects: Map<string, ProjectState>): Pick<FunnelAsOf, 'statuses' | 'total'> {
  const counts = new Map<string, { program: Program; status: string; count: number }>();
  let total = 0;
  for (const p of projects.values()) {
    if (!p.exists) continue;
    const key = `${p.program}\u0000${p.status}`;
    const row = counts.get(key) ?? { program: p.program, status: p.status, count: 0 };
    row.count++;
    counts.set(key, row);
    total++;
  }
  const statuses = [...counts.values()].sort((a, b) =>
    a.program === b.program ? (a.status < b.status ? -1 : 1) : a.program < b.program ? -1 : 1,
  );
  return { statuses, total };
}

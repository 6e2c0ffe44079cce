import type { Database } from 'better-sqlite3';
import { DecisionQueries, type DecisionRow } from './decisions/decisions.queries.js';
import { EnvelopeBalanceQueries, type EnvelopeBalanceRow } from './envelopes/envelope-balances.queries.js';
import type { SchoolLevelRow } from './funnel/funnel.levels.js';
import { type FunnelFigures, FunnelQueries, type FunnelTerritoryRow } from './funnel/funnel.queries.js';
import { DailySeriesQueries, type SeriesPoint } from './series/daily-series.queries.js';
import { TERRITORY_LEVELS } from './shared/project-territory.js';
import { type WorkloadRow, WorkloadQueries } from './workload/workload.queries.js';

/** Everything the public dashboard shows, aggregated (no project identity): what the live stream sends. */
export interface DashboardSnapshot {
  position: string;
  funnel: Record<string, FunnelFigures>;
  /** The education funnel per school level (intentions, deposits, validations). */
  schoolLevels: SchoolLevelRow[];
  territories: FunnelTerritoryRow[];
  envelopes: EnvelopeBalanceRow[];
  decisions: DecisionRow[];
  workload: WorkloadRow[];
  series: SeriesPoint[];
}

/** Read-model queries behind the dashboard endpoints, on the process-local read-model file. */
export class DashboardQueries {
  readonly funnel: FunnelQueries;
  readonly envelopes: EnvelopeBalanceQueries;
  readonly decisions: DecisionQueries;
  readonly workload: WorkloadQueries;
  readonly series: DailySeriesQueries;

  constructor(db: Database) {
    this.funnel = new FunnelQueries(db);
    this.envelopes = new EnvelopeBalanceQueries(db);
    this.decisions = new DecisionQueries(db);
    this.workload = new WorkloadQueries(db);
    this.series = new DailySeriesQueries(db);
  }

  /** `now` (the caller's clock) dates the workload ages and the 90-day window of the series. */
  snapshot(position: bigint, now: Date): DashboardSnapshot {
    const from = new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    return {
      position: position.toString(),
      funnel: this.funnel.byProgram(),
      schoolLevels: this.funnel.schoolLevels(),
      territories: TERRITORY_LEVELS.flatMap((level) => this.funnel.territories({ level })),
      envelopes: this.envelopes.list(),
      decisions: this.decisions.recent(10, () => false),
      workload: this.workload.byTerritory('region', now),
      series: this.series.points({ from }),
    };
  }
}

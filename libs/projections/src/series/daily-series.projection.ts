import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { envelopeIdFromStream, parseEnvelopeId } from '#funding';
import { ProjectEventType, asProjectEvent } from '#projects';
import type { Projection } from '../runner/projection.js';
import { perConnection } from '../shared/batch-state.js';
import { eventDay } from '../shared/event-time.js';
import { projectIdOf } from '../shared/project-territory.js';

export const DAILY_SERIES = 'daily_series';

/** The project events counted per day, and the metric each counts under. */
const COUNTED = {
  'project.submitted': 'deposited',
  'project.validated': 'validated',
  'project.rejected': 'rejected',
  'project.financing_started': 'financed',
  'project.lapsed': 'withdrawn',
  'project.withdrawn': 'withdrawn',
} as const;

/**
 * Counts and amounts per day (UTC, from data.at or the recorded time), by program (education,
 * health) for projects and by fund (fip, fir) for money: AE notified, committed, CP paid, recovered.
 * A batch sums its points and keeps the projects it declared in memory; `endBatch` writes them.
 */
export const dailySeriesProjection: Projection = {
  name: DAILY_SERIES,
  version: 2,
  handles: [
    ProjectEventType.IntentionDeclared,
    ...Object.keys(COUNTED),
    'envelope.credits_notified',
    'envelope.committed',
    'envelope.paid',
    'envelope.recovered',
    'envelope.recovery_collected',
  ],
  tables: ['daily_series', 'daily_series_projects'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}daily_series" (
        day TEXT NOT NULL, scope TEXT NOT NULL, metric TEXT NOT NULL, count INTEGER NOT NULL, amount_cents INTEGER NOT NULL,
        PRIMARY KEY (day, scope, metric));
      CREATE TABLE IF NOT EXISTS "${prefix}daily_series_projects" (id TEXT PRIMARY KEY, program TEXT NOT NULL) WITHOUT ROWID;`);
  },
  apply(db, event, prefix) {
    const batch = batchOf(db, prefix);
    const hit = measure(batch, event);
    if (hit) batch.count(eventDay(event), hit.scope, hit.metric, hit.amount);
  },
  endBatch(db, prefix) {
    batchOf(db, prefix).flush();
  },
  abortBatch(db, prefix) {
    batchOf(db, prefix).clear();
  },
};

function measure(batch: SeriesBatch, event: RecordedEvent): { scope: string; metric: string; amount: number } | undefined {
  if (event.type.startsWith('envelope.')) return measureMoney(event);
  const e = asProjectEvent(event);
  const counted = (metric: string, amount = 0) => {
    const program = batch.programOf(projectIdOf(event.streamId));
    return program ? { scope: program, metric, amount } : undefined;
  };
  switch (e?.type) {
    case 'project.intention_declared':
      batch.declare(projectIdOf(event.streamId), e.data.program);
      return { scope: e.data.program, metric: 'intentions', amount: 0 };
    case 'project.validated':
      return counted(COUNTED[e.type], e.data.grantedAmountCents);
    case 'project.submitted':
    case 'project.rejected':
    case 'project.financing_started':
    case 'project.lapsed':
    case 'project.withdrawn':
      return counted(COUNTED[e.type]);
    case undefined:
    case 'project.content_edited':
    case 'project.drafting_started':
    case 'project.analysis_started':
    case 'project.analysis_completed':
    case 'project.returned_to_instruction':
    case 'project.completion_requested':
    case 'project.resubmitted':
    case 'project.referred_to_cts':
    case 'project.cts_opinion_recorded':
    case 'project.reopened':
    case 'project.final_report_submitted':
    case 'project.closed':
    case 'project.deadline_opened':
    case 'project.deadline_cancelled':
    case 'project.deadline_expired':
    case 'project.deadline_reminder_due':
    case 'project.report_formal_notice':
      return undefined;
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
}

function measureMoney(event: RecordedEvent): { scope: string; metric: string; amount: number } | undefined {
  const fund = parseEnvelopeId(envelopeIdFromStream(event.streamId) ?? '')?.fund;
  if (!fund) return undefined;
  const d = event.data as { aeCents?: number; amountCents?: number };
  // A collected recovery order is what a reversement was before recovery orders: the same metric.
  const metric = event.type.replace('envelope.', '').replace('credits_notified', 'notified').replace('recovery_collected', 'recovered');
  return { scope: fund, metric, amount: d.amountCents ?? d.aeCents ?? 0 };
}

class SeriesBatch {
  /** Projects declared in this batch (written in flush) and those looked up (read once per batch). */
  private readonly declared = new Map<string, string>();
  private readonly known = new Map<string, string | undefined>();
  private readonly points = new Map<string, { day: string; scope: string; metric: string; count: number; amount: number }>();
  private readonly select;
  private readonly putProject;
  private readonly addPoint;

  constructor(db: Database, prefix: string) {
    this.select = db.prepare<[string], { program: string }>(`SELECT program FROM "${prefix}daily_series_projects" WHERE id = ?`);
    this.putProject = db.prepare(`INSERT OR REPLACE INTO "${prefix}daily_series_projects" (id, program) VALUES (?, ?)`);
    this.addPoint = db.prepare(`INSERT INTO "${prefix}daily_series" (day, scope, metric, count, amount_cents) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (day, scope, metric) DO UPDATE SET count = count + excluded.count, amount_cents = amount_cents + excluded.amount_cents`);
  }

  declare(id: string, program: string): void {
    this.declared.set(id, program);
    this.known.set(id, program);
  }

  programOf(id: string): string | undefined {
    if (this.known.has(id)) return this.known.get(id);
    const program = this.select.get(id)?.program;
    this.known.set(id, program);
    return program;
  }

  count(day: string, scope: string, metric: string, amount: number): void {
    const key = `${day}\u0000${scope}\u0000${metric}`;
    const p = this.points.get(key);
    if (p) {
      p.count += 1;
      p.amount += amount;
    } else this.points.set(key, { day, scope, metric, count: 1, amount });
  }

  flush(): void {
    const declared = [...this.declared];
    const points = [...this.points.values()];
    this.clear();
    for (const [id, program] of declared) this.putProject.run(id, program);
    for (const p of points) this.addPoint.run(p.day, p.scope, p.metric, p.count, p.amount);
  }

  clear(): void {
    this.declared.clear();
    this.known.clear();
    this.points.clear();
  }
}

const batchOf = perConnection((db, prefix) => new SeriesBatch(db, prefix));

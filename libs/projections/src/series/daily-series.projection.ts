import type { RecordedEvent } from '#event-store';
import { envelopeIdFromStream, parseEnvelopeId } from '#funding';
import { type IntentionDeclaredData, ProjectEventType } from '#projects';
import type { TransitionedData } from '#workflow';
import type { Projection } from '../runner/projection.js';
import { eventDay } from '../shared/event-time.js';
import { projectIdOf } from '../shared/project-territory.js';
import { stmt } from '../shared/statements.js';

export const DAILY_SERIES = 'daily_series';

/** Transitions counted per day, by the command that made them. */
const COUNTED: Record<string, string | undefined> = {
  submit: 'deposited', validate: 'validated', reject: 'rejected', start_financing: 'financed', lapse: 'withdrawn', withdraw: 'withdrawn',
};

/**
 * Counts and amounts per day (UTC, from data.at or the recorded time), by program (education,
 * health) for projects and by fund (fip, fir) for money: AE notified, committed, CP paid, recovered.
 */
export const dailySeriesProjection: Projection = {
  name: DAILY_SERIES,
  version: 1,
  handles: [
    ProjectEventType.IntentionDeclared, ProjectEventType.Transitioned, 'envelope.credits_notified', 'envelope.committed',
    'envelope.paid', 'envelope.recovered',
  ],
  tables: ['daily_series', 'daily_series_projects'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}daily_series" (
        day TEXT NOT NULL, scope TEXT NOT NULL, metric TEXT NOT NULL, count INTEGER NOT NULL, amount_cents INTEGER NOT NULL,
        PRIMARY KEY (day, scope, metric));
      CREATE TABLE IF NOT EXISTS "${prefix}daily_series_projects" (id TEXT PRIMARY KEY, program TEXT NOT NULL) WITHOUT ROWID;`);
  },
  apply(db, event, prefix) {
    const hit = measure(db, event, prefix);
    if (!hit) return;
    stmt(db, `INSERT INTO "${prefix}daily_series" (day, scope, metric, count, amount_cents) VALUES (?, ?, ?, 1, ?)
      ON CONFLICT (day, scope, metric) DO UPDATE SET count = count + 1, amount_cents = amount_cents + excluded.amount_cents`)
      .run(eventDay(event), hit.scope, hit.metric, hit.amount);
  },
};

function measure(db: Parameters<Projection['apply']>[0], event: RecordedEvent, prefix: string): { scope: string; metric: string; amount: number } | undefined {
  if (event.type === ProjectEventType.IntentionDeclared) {
    const program = (event.data as IntentionDeclaredData).program;
    stmt(db, `INSERT OR REPLACE INTO "${prefix}daily_series_projects" (id, program) VALUES (?, ?)`).run(projectIdOf(event.streamId), program);
    return { scope: program, metric: 'intentions', amount: 0 };
  }
  if (event.type === ProjectEventType.Transitioned) {
    const t = event.data as TransitionedData;
    const metric = COUNTED[t.command];
    if (!metric) return undefined;
    const program = stmt<[string], { program: string }>(db, `SELECT program FROM "${prefix}daily_series_projects" WHERE id = ?`)
      .get(projectIdOf(event.streamId))?.program;
    const amount = t.command === 'validate' ? Number(t.inputs?.['grantedAmountCents'] ?? 0) : 0;
    return program ? { scope: program, metric, amount } : undefined;
  }
  const fund = parseEnvelopeId(envelopeIdFromStream(event.streamId) ?? '')?.fund;
  if (!fund) return undefined;
  const d = event.data as { aeCents?: number; amountCents?: number };
  const metric = event.type.replace('envelope.', '').replace('credits_notified', 'notified');
  return { scope: fund, metric, amount: d.amountCents ?? d.aeCents ?? 0 };
}

import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { type EventToAppend, type RecordedEvent, SqliteEventStore } from '#event-store';
import { dailySeriesProjection } from './series/daily-series.projection.js';
import { decisionsProjection } from './decisions/decisions.projection.js';
import { envelopeBalancesProjection } from './envelopes/envelope-balances.projection.js';
import { funnelProjection } from './funnel/funnel.projection.js';
import { projectListProjection } from './project-list/project-list.projection.js';
import type { Projection } from './runner/projection.js';
import { workloadProjection } from './workload/workload.projection.js';
import { TRANSITION_EVENTS } from '#projects';

const all: Projection[] = [
  projectListProjection,
  funnelProjection,
  envelopeBalancesProjection,
  workloadProjection,
  decisionsProjection,
  dailySeriesProjection,
];
const at = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();
const by = { id: 'v1', role: 'validator' };

/** One project's life, with the cases batching must keep: back and forth between states, deadlines opened then closed, title edits. */
function life(i: number): EventToAppend[] {
  const projectId = `p${i}`;
  const e = (type: string, data: object): EventToAppend => ({ id: randomUUID(), type, data });
  const t = (command: keyof typeof TRANSITION_EVENTS, from: string, to: string, d: number, extra: object = {}) =>
    e(TRANSITION_EVENTS[command], { from, to, by, at: at(d), ...extra });
  const deadline = (type: string, n: number, d: number) =>
    e(type, {
      deadlineId: `${projectId}-d${n}`,
      name: 'completion',
      subjectId: projectId,
      openedAt: at(d),
      dueAt: at(d + 30),
      at: at(d),
      onExpiry: { command: 'lapse', reason: 'délai' },
      cancelledBy: 'h',
    });
  const events = [
    e('project.intention_declared', {
      projectId,
      program: i % 3 ? 'education' : 'health',
      workflow: { id: 'cnr-education', version: 1 },
      state: 'intention',
      declarant: `h${i % 4}`,
      title: `Projet ${i}`,
      description: 'D',
      territory: { region: '44', departement: String(54 + (i % 3)), ...(i % 2 ? { academie: '12' } : {}) },
      holder: { organisationId: '0550001C', name: 'École' },
      partners: [],
      at: at(i),
    }),
    t('start_drafting', 'intention', 'drafting', i + 1),
    e('project.content_edited', { changes: { title: `Projet ${i} (bis)`, requestedAmountCents: 1000 * i }, by: 'h', at: at(i + 2) }),
    t('submit', 'drafting', 'submitted', i + 3),
    t('start_analysis', 'submitted', 'under_analysis', i + 4),
    t('request_completion', 'under_analysis', 'completion_requested', i + 5, { reason: 'pièces' }),
    deadline('project.deadline_opened', 1, i + 5),
    t('resubmit', 'completion_requested', 'submitted', i + 6),
    deadline(i % 2 ? 'project.deadline_cancelled' : 'project.deadline_expired', 1, i + 6),
    t('start_analysis', 'submitted', 'under_analysis', i + 7),
    t('start_analysis', 'under_analysis', 'under_analysis', i + 7),
  ];
  if (i % 4 === 0) events.push(t('reject', 'under_analysis', 'rejected', i + 8, { reason: 'hors cadre' }));
  else events.push(t('validate', 'under_analysis', 'validated', i + 8, { reason: 'ok', grantedAmountCents: 500 * i }));
  if (i % 4 === 1) events.push(t('start_financing', 'validated', 'financing', i + 9));
  return events;
}

function envelope(n: number): EventToAppend[] {
  const envelopeId = `fip-academie-${12 + n}-2023-2024`;
  const r = (k: number) => ({ requestId: `${envelopeId}-${k}`, fingerprint: `f${k}` });
  const e = (type: string, data: object): EventToAppend => ({ id: randomUUID(), type, data });
  return [
    e('envelope.opened', {
      ...r(0),
      envelopeId,
      fund: 'fip',
      territoryCode: `academie-${12 + n}`,
      period: { fromYear: 2023, toYear: 2024 },
      label: envelopeId,
      parentId: null,
      ceilingCents: null,
      carryOver: { ae: { mode: 'all' }, cp: { mode: 'all' } },
      split: null,
    }),
    e('envelope.credits_notified', { ...r(1), year: 2023, kind: 'notification', aeCents: 10_000_000, cpCents: 5_000_000, reason: null }),
    ...[1, 2, 3].flatMap((k) => [
      e('envelope.committed', {
        ...r(10 + k),
        year: 2023,
        commitmentRef: `EJ-${k}`,
        projectId: `p${k}`,
        amountCents: 100_000 * k,
        splitKey: null,
        reason: null,
      }),
      e('envelope.paid', { ...r(20 + k), year: 2023, commitmentRef: `EJ-${k}`, amountCents: 50_000 * k, instalment: 1 }),
    ]),
    e('envelope.commitment_released', { ...r(30), year: 2023, commitmentRef: 'EJ-1', amountCents: 10_000, reason: 'réduit' }),
    e('envelope.year_closed', {
      ...r(31),
      year: 2023,
      nextYear: 2024,
      aeCarriedCents: 9_000_000,
      aeLapsedCents: 0,
      cpCarriedCents: 4_000_000,
      cpLapsedCents: 0,
    }),
    e('envelope.committed', {
      ...r(40),
      year: 2024,
      commitmentRef: 'EJ-9',
      projectId: 'p9',
      amountCents: 70_000,
      splitKey: null,
      reason: null,
    }),
    e('envelope.year_closed', {
      ...r(41),
      year: 2024,
      nextYear: null,
      aeCarriedCents: 0,
      aeLapsedCents: 100,
      cpCarriedCents: 0,
      cpLapsedCents: 200,
    }),
  ];
}

/** Applies the log in batches of `size` events, each in its own transaction ended by endBatch. */
function project(events: RecordedEvent[], size: number): Database.Database {
  const db = new Database(':memory:');
  for (const p of all) p.setup(db, '');
  for (let i = 0; i < events.length; i += size) {
    db.transaction(() => {
      for (const e of events.slice(i, i + size)) for (const p of all) if (p.handles.includes(e.type)) p.apply(db, e, '');
      for (const p of all) p.endBatch?.(db, '');
    })();
  }
  return db;
}

/** Every row of every table, as JSON, sorted (rowids aside, a table's content is the set of its rows). */
const dumpAll = (db: Database.Database) =>
  Object.fromEntries(
    all
      .flatMap((p) => p.tables)
      .map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as object[]).map((r) => JSON.stringify(r)).sort()]),
  );

describe('read models kept in memory per batch', () => {
  let store: SqliteEventStore;
  afterEach(async () => {
    await store.close();
  });

  it('hold the same rows wherever the batches are cut (one event per batch, a few, the whole log)', async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    // Streams appended in turns, so a batch holds parts of several projects and envelopes.
    const streams = [
      ...Array.from({ length: 12 }, (_, i) => ({ id: `project-p${i}`, events: life(i) })),
      ...[0, 1].map((n) => ({ id: `envelope-fip-academie-${12 + n}-2023-2024`, events: envelope(n) })),
    ];
    for (let step = 0; streams.some((s) => s.events.length > step); step += 3) {
      for (const s of streams) {
        const chunk = s.events.slice(step, step + 3);
        if (chunk.length) await store.appendToStream(s.id, chunk, { expectedRevision: 'any' });
      }
    }
    const events = await store.readAll();
    const reference = dumpAll(project(events, 1));
    expect(reference['decisions']!.length).toBeGreaterThan(12);
    expect(reference['workload_deadlines']).toEqual([]);
    expect(reference['envelopes']!.map((r) => JSON.parse(r))).toEqual(
      expect.arrayContaining([expect.objectContaining({ commitments: 4, status: 'closed', current_year: 2024 })]),
    );
    for (const size of [2, 7, 50, events.length]) expect(dumpAll(project(events, size))).toEqual(reference);
  });
});

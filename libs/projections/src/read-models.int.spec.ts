import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { type RecordedEvent, SqliteEventStore } from '#event-store';
import { type EnvelopeEvent, envelopeBalance, evolveEnvelope, initialEnvelopeState } from '#funding';
import { dailySeriesProjection } from './series/daily-series.projection.js';
import { decisionsProjection } from './decisions/decisions.projection.js';
import { envelopeBalancesProjection } from './envelopes/envelope-balances.projection.js';
import { EnvelopeBalanceQueries } from './envelopes/envelope-balances.queries.js';
import { funnelProjection } from './funnel/funnel.projection.js';
import { projectListProjection } from './project-list/project-list.projection.js';
import type { Projection } from './runner/projection.js';
import { workloadProjection } from './workload/workload.projection.js';

const ID = 'fip-academie-12-2023-2024';
let n = 0;
const req = () => ({ requestId: `r-${++n}`, fingerprint: `f-${n}` });
const credit = { aeCents: 0, cpCents: 0 };

/** One envelope's two years: notification, commitment, service done, payments, recovery, release, transfer, year closing. */
const ENVELOPE_EVENTS: EnvelopeEvent[] = [
  {
    type: 'envelope.opened',
    data: {
      ...req(),
      envelopeId: ID,
      fund: 'fip',
      territoryCode: 'academie-12',
      period: { fromYear: 2023, toYear: 2024 },
      label: 'FIP Nancy-Metz 2023-2024',
      parentId: null,
      ceilingCents: null,
      carryOver: { ae: { mode: 'all' }, cp: { mode: 'percent', percent: 50 } },
      split: null,
    },
  },
  {
    type: 'envelope.credits_notified',
    data: { ...req(), year: 2023, kind: 'notification', aeCents: 10_000_000, cpCents: 4_000_000, reason: null },
  },
  {
    type: 'envelope.committed',
    data: { ...req(), year: 2023, commitmentRef: 'EJ-1', projectId: 'p1', amountCents: 3_000_000, splitKey: null, reason: null },
  },
  { type: 'envelope.service_done', data: { ...req(), year: 2023, commitmentRef: 'EJ-1', amountCents: 1_000_000, reference: null } },
  { type: 'envelope.paid', data: { ...req(), year: 2023, commitmentRef: 'EJ-1', amountCents: 1_000_000, instalment: 1 } },
  { type: 'envelope.recovered', data: { ...req(), year: 2023, commitmentRef: 'EJ-1', amountCents: 200_000, reason: 'trop-perçu' } },
  {
    type: 'envelope.commitment_released',
    data: { ...req(), year: 2023, commitmentRef: 'EJ-1', amountCents: 500_000, reason: 'projet réduit' },
  },
  { type: 'envelope.credits_reduced', data: { ...req(), year: 2023, aeCents: 100_000, cpCents: 0, reason: 'gel' } },
  {
    type: 'envelope.transferred',
    data: { ...req(), year: 2023, toId: 'fip-academie-13-2023-2024', ...credit, aeCents: 400_000, reason: 'redéploiement' },
  },
  {
    type: 'envelope.year_closed',
    data: {
      ...req(),
      year: 2023,
      nextYear: 2024,
      aeCarriedCents: 7_000_000,
      aeLapsedCents: 0,
      cpCarriedCents: 1_600_000,
      cpLapsedCents: 1_600_000,
    },
  },
  {
    type: 'envelope.credits_notified',
    data: { ...req(), year: 2024, kind: 'increase', aeCents: 1_000_000, cpCents: 2_000_000, reason: 'rallonge' },
  },
  { type: 'envelope.paid', data: { ...req(), year: 2024, commitmentRef: 'EJ-1', amountCents: 700_000, instalment: 2 } },
];

const all: Projection[] = [
  projectListProjection,
  funnelProjection,
  envelopeBalancesProjection,
  workloadProjection,
  decisionsProjection,
  dailySeriesProjection,
];

function project(events: RecordedEvent[], projections = all): Database.Database {
  const db = new Database(':memory:');
  for (const p of projections) p.setup(db, '');
  db.transaction(() => {
    for (const e of events) for (const p of projections) if (p.handles.includes(e.type)) p.apply(db, e, '');
    for (const p of projections) p.endBatch?.(db, '');
  })();
  return db;
}

const dumpAll = (db: Database.Database) =>
  Object.fromEntries(all.flatMap((p) => p.tables).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));

describe('envelope balances read model', () => {
  let store: SqliteEventStore;
  afterEach(async () => {
    await store.close();
  });

  it("equals the domain's own envelopeBalance of the folded stream, in total and per year (AE and CP)", async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    await store.appendToStream(
      `envelope-${ID}`,
      ENVELOPE_EVENTS.map((e) => ({ id: randomUUID(), ...e })),
      { expectedRevision: 'no_stream' },
    );
    const db = project(await store.readAll(), [envelopeBalancesProjection]);
    const balance = envelopeBalance(ENVELOPE_EVENTS.reduce(evolveEnvelope, initialEnvelopeState()))!;
    const q = new EnvelopeBalanceQueries(db);
    const [total] = q.list({ fund: 'fip', territory: 'academie-12' });
    expect(total).toMatchObject({
      envelopeId: ID,
      fund: 'fip',
      territoryCode: 'academie-12',
      status: 'open',
      year: null,
      commitments: 1,
      ae: { consumedCents: balance.ae.committed - balance.ae.released, availableCents: balance.ae.available },
      cp: { consumedCents: balance.cp.paid - balance.cp.recovered, availableCents: balance.cp.available },
    });
    for (const y of balance.years) {
      const [row] = q.list({ year: y.year });
      const ae = { consumed: y.ae.committed - y.ae.released, available: y.ae.available };
      const cp = { consumed: y.cp.paid - y.cp.recovered, available: y.cp.available };
      expect(row!.ae).toEqual({ creditsCents: ae.consumed + ae.available, consumedCents: ae.consumed, availableCents: ae.available });
      expect(row!.cp).toEqual({ creditsCents: cp.consumed + cp.available, consumedCents: cp.consumed, availableCents: cp.available });
    }
    expect(q.list({ fund: 'fir' })).toEqual([]);
    db.close();
  });
});

describe('read models are deterministic', () => {
  let store: SqliteEventStore;
  afterEach(async () => {
    jest.useRealTimers();
    await store.close();
  });

  it('replaying the same log gives the same tables whatever the wall clock says', async () => {
    store = new SqliteEventStore({ path: ':memory:', now: () => Date.parse('2023-09-01T10:00:00Z') });
    const at = '2023-09-01T10:00:00.000Z';
    const territory = { region: '44', departement: '55', academie: '12' };
    await store.appendToStream(
      'project-p1',
      [
        {
          id: randomUUID(),
          type: 'project.intention_declared',
          data: {
            projectId: 'p1',
            program: 'education',
            workflow: { id: 'cnr-education', version: 1 },
            state: 'intention',
            declarant: 'h',
            title: 'T',
            description: 'D',
            territory,
            holder: { organisationId: '0550001C', name: 'École' },
            partners: [],
            at,
          },
        },
        {
          id: randomUUID(),
          type: 'project.transitioned',
          data: { command: 'start_drafting', from: 'intention', to: 'drafting', by: { id: 'h', role: 'holder' }, at },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.appendToStream(
      `envelope-${ID}`,
      ENVELOPE_EVENTS.map((e) => ({ id: randomUUID(), ...e })),
      { expectedRevision: 'no_stream' },
    );
    const events = await store.readAll();
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const first = dumpAll(project(events));
    jest.setSystemTime(new Date('2041-06-15T12:34:56Z'));
    const second = dumpAll(project(events));
    expect(second).toEqual(first);
    expect(JSON.stringify(first)).not.toMatch(/2030|2041/);
  });
});

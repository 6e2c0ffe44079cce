import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import { envelopeAsOf, funnelAsOf } from '#audit';
import { EVENT_STORE, type EventStore } from '#event-store';
import { envelopeBalance } from '#funding';
import { readEnvelope } from '#funding/application';
import { FunnelQueries } from '#projections';
import { READ_MODEL_DB } from '../../apps/api/src/infrastructure/tokens.js';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { accountantLille, financeLille, LILLE, run, signedAct } from './support/funding.js';
import { deciderClaims } from '../support/validated-project.js';
import { educationToValidation } from './support/projects.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withoutActions = ({ actions: _a, asOf: _b, ...rest }: Record<string, unknown>) => rest;

/** What was seen at each step, at the time: the live project, the live funnel figures, and the instant after. */
interface Captured {
  position: string;
  at: Date;
  project: Record<string, unknown>;
  funnel: Record<string, unknown>;
}

describe('time travel: ?asOf= folds the log up to a point and gives the state as it was then', () => {
  let api: ApiHarness;
  let store: EventStore;
  let holder: string;
  let projectId: string;
  const captured: Captured[] = [];
  beforeAll(async () => {
    api = await startApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    holder = await api.token({ role: 'holder', sub: 'holder-meuse' });
    const validator = await api.token({ role: 'validator', sub: 'validator-nancy', scope: { academies: ['12'] } });
    const decider = await api.token(deciderClaims('education', '12'));
    const readModels = api.app.get<Database.Database>(READ_MODEL_DB);
    let id = '';
    ({ id: projectId } = await educationToValidation(api, { holder, validator, decider }, async (step) => {
      if (!id) id = (await store.readAll({ fromPosition: BigInt(step.position), maxCount: 1 }))[0]!.streamId.replace('project-', '');
      const live = await api.request('GET', `/projects/${id}?minPosition=${step.position}`, { token: holder });
      expect(live.status).toBe(200);
      captured.push({ position: step.position, at: new Date(), project: live.body, funnel: new FunnelQueries(readModels).byProgram() });
      await pause(5); // the next write is recorded strictly later
    }));
  });
  afterAll(async () => {
    await api.close();
  });

  it('GET /projects/:id?asOf=<position> equals the project as it was read at that time', async () => {
    expect(captured.map((c) => c.project['status'])).toEqual([
      'intention',
      'drafting',
      'drafting',
      'submitted',
      'under_analysis',
      'analysed',
      'validated',
    ]);
    for (const c of captured) {
      const then = await api.request('GET', `/projects/${projectId}?asOf=${c.position}`, { token: holder });
      expect(then.status).toBe(200);
      expect(then.body.asOf).toBe(c.position);
      expect(then.body.actions).toEqual([]);
      expect(then.headers.get('etag')).toBeNull();
      expect(withoutActions(then.body)).toEqual(withoutActions(c.project));
    }
  });

  it('GET /projects/:id?asOf=<ISO date-time> equals it too (recordedAt), with an offset as well', async () => {
    for (const c of captured) {
      const iso = c.at.toISOString();
      const then = await api.request('GET', `/projects/${projectId}?asOf=${encodeURIComponent(iso)}`, { token: holder });
      expect(then.status).toBe(200);
      expect(withoutActions(then.body)).toEqual(withoutActions(c.project));
    }
    const c = captured[3]!;
    const paris = new Date(c.at.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    expect((await api.request('GET', `/projects/${projectId}?asOf=${encodeURIComponent(paris)}`, { token: holder })).body.status).toBe(
      'submitted',
    );
  });

  it('before the project existed: 404; a bad asOf: 400 naming the field; another holder: 403', async () => {
    const before = await api.request('GET', `/projects/${projectId}?asOf=${Number(captured[0]!.position) - 1}`, { token: holder });
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('PROJECT_NOT_FOUND_AS_OF');
    const bad = await api.request('GET', `/projects/${projectId}?asOf=yesterday`, { token: holder });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'AS_OF_INVALID', errors: [expect.objectContaining({ field: 'asOf' })] });
    const other = await api.request('GET', `/projects/${projectId}?asOf=${captured[6]!.position}`, {
      token: await api.token({ role: 'holder', sub: 'someone' }),
    });
    expect(other.status).toBe(403);
    expect(
      (await api.request('GET', `/projects/${projectId}?asOf=${captured[6]!.position}`, { token: await api.token({ role: 'auditor' }) }))
        .status,
    ).toBe(200);
  });

  it('funnelAsOf(store, asOf) equals the live dashboard funnel captured at each step', async () => {
    for (const c of captured) {
      const byPosition = await funnelAsOf(store, BigInt(c.position));
      expect(byPosition.programs).toEqual(c.funnel);
      expect(byPosition.statuses).toEqual([{ program: 'education', status: c.project['status'], count: 1 }]);
      expect((await funnelAsOf(store, c.at, { pageSize: 2 })).programs).toEqual(c.funnel);
      const overHttp = await api.request('GET', `/dashboard/funnel?asOf=${c.position}`);
      expect(overHttp.status).toBe(200);
      expect(overHttp.body.programs).toEqual(c.funnel);
    }
    expect((await api.request('GET', '/dashboard/funnel?asOf=someday')).body).toMatchObject({
      errors: [expect.objectContaining({ field: 'asOf' })],
    });
    expect(captured[6]!.funnel['education']).toMatchObject({ intentions: 1, deposited: 1, validated: 1 });
    expect((await funnelAsOf(store, new Date('2000-01-01T00:00:00Z'))).total).toBe(0);
  });

  it('envelopeAsOf(store, id, asOf) equals the balance captured after each money operation', async () => {
    const seen: { position: bigint; at: Date; balance: unknown }[] = [];
    // The position of the command's last envelope event (the log's head is past it: the idempotency ledger's record).
    const capture = async (written: { outcome: { position: bigint | null } }) => {
      const { state } = await readEnvelope(store, LILLE);
      seen.push({ position: written.outcome.position!, at: new Date(), balance: envelopeBalance(state) });
      await pause(5);
    };
    await capture(
      await run(store, LILLE, financeLille, {
        type: 'OpenEnvelope',
        fund: 'fip',
        territoryCode: 'academie-09',
        period: { fromYear: 2023, toYear: 2023 },
      }),
    );
    await capture(await run(store, LILLE, financeLille, { type: 'NotifyCredits', aeCents: 100_000_000, cpCents: 50_000_000 }));
    await capture(
      await run(store, LILLE, financeLille, {
        type: 'Commit',
        commitmentRef: 'EJ-1',
        projectId,
        amountCents: 1_250_000,
        ...signedAct('EJ-1', projectId, LILLE, 1_250_000),
      }),
    );
    const ej = { commitmentRef: 'EJ-1' };
    await capture(await run(store, LILLE, financeLille, { type: 'RecordServiceDone', ...ej, amountCents: 1_000_000, reference: 'PV' }));
    await capture(await run(store, LILLE, financeLille, { type: 'OrderPayment', ...ej, amountCents: 1_000_000, orderRef: 'DP-1' }));
    await capture(await run(store, LILLE, accountantLille, { type: 'PayInstalment', ...ej, orderRef: 'DP-1' }));
    for (const s of seen) {
      expect((await envelopeAsOf(store, LILLE, s.position)).balance).toEqual(s.balance);
      expect((await envelopeAsOf(store, LILLE, s.at)).balance).toEqual(s.balance);
    }
    expect((seen[2]!.balance as { commitments: { committedCents: number } }).commitments.committedCents).toBe(1_250_000);
    expect((await envelopeAsOf(store, LILLE, seen[0]!.position - 1n)).balance).toBeUndefined();
  });
});

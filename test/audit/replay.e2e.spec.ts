import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { replayCheck } from '#audit';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '#event-store';
import { type Projection, ProjectionRunner } from '#projections';
import { allProjections } from '../../apps/api/src/projections/all-projections.js';
import { startApi } from '../support/api-harness.js';
import { fundingScenario } from './support/funding.js';
import { educationToValidation, healthDraft } from './support/projects.js';

const quiet = { info: () => {}, error: () => {} };

describe('audit replay: every read model rebuilt from position 0 equals the live one', () => {
  let dataDir: string;
  let liveReadModels: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    const api = await startApi();
    dataDir = api.dataDir;
    liveReadModels = api.config.readModelPath;
    const holder = await api.token({ role: 'holder', sub: 'holder-meuse' });
    const validator = await api.token({ role: 'validator', sub: 'validator-nancy', scope: { academies: ['12'] } });
    const { steps } = await educationToValidation(api, { holder, validator });
    await healthDraft(api, holder);
    await fundingScenario(api.app.get<EventStore>(EVENT_STORE));
    const head = await api.app.get<EventStore>(EVENT_STORE).headPosition();
    // Let the live read models reach the head before stopping.
    expect((await api.request('GET', `/projects?minPosition=${head}`, { token: holder })).status).toBe(200);
    expect(Number(steps[steps.length - 1]!.position)).toBeLessThan(Number(head));
    await api.close(true);
    store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('identical after real traffic, for every projection the API runs, at the live checkpoints', async () => {
    const report = await replayCheck({ store, liveReadModelPath: liveReadModels, projections: allProjections() });
    expect(report.projections.map((p) => p.name)).toEqual(allProjections().map((p) => p.name));
    for (const p of report.projections) {
      expect({ name: p.name, problem: p.problem, different: p.tables.filter((t) => !t.identical) }).toEqual({
        name: p.name,
        problem: undefined,
        different: [],
      });
    }
    expect(report.projections.find((p) => p.name === 'projects')!.tables[0]).toMatchObject({
      table: 'projects',
      liveRows: 2,
      replayRows: 2,
    });
    expect(report.identical).toBe(true);
  });

  it('a live row that differs from the replay is listed, with its key and columns', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'refonda-live-')), 'read-models.sqlite');
    const src = new Database(liveReadModels, { readonly: true });
    await src.backup(copy);
    src.close();
    const db = new Database(copy);
    const { id } = db.prepare("SELECT id FROM projects WHERE status = 'validated'").get() as { id: string };
    db.prepare("UPDATE projects SET status = 'rejected' WHERE id = ?").run(id);
    db.close();
    const report = await replayCheck({ store, liveReadModelPath: copy, projections: allProjections() });
    expect(report.identical).toBe(false);
    const projects = report.projections.find((p) => p.name === 'projects')!;
    expect(projects.identical).toBe(false);
    expect(projects.tables[0]).toMatchObject({ table: 'projects', onlyInLive: 1, onlyInReplay: 1 });
    expect(projects.tables[0]!.differences).toEqual([
      { kind: 'differs', key: { id }, columns: { status: { live: 'rejected', replay: 'validated' } } },
    ]);
    expect(report.projections.filter((p) => p.name !== 'projects').every((p) => p.identical)).toBe(true);
  });

  it('a non-deterministic projection is caught: the replay differs from what it wrote live', async () => {
    let calls = 0;
    const clocky: Projection = {
      name: 'clocky',
      version: 1,
      handles: ['envelope.committed', 'envelope.paid'],
      tables: ['clocky'],
      setup: (db, prefix) => db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}clocky" (position INTEGER PRIMARY KEY, seen TEXT NOT NULL)`),
      // Reads something other than the event: a counter standing for the clock or a random draw.
      apply: (db, event, prefix) => {
        db.prepare(`INSERT INTO "${prefix}clocky" VALUES (?, ?)`).run(Number(event.position), `call-${++calls}`);
      },
    };
    const dir = mkdtempSync(join(tmpdir(), 'refonda-clocky-'));
    const livePath = join(dir, 'live.sqlite');
    const live = new Database(livePath);
    const runner = new ProjectionRunner(store, live, [clocky], quiet);
    runner.start();
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
    runner.stop();
    live.close();
    const report = await replayCheck({ store, liveReadModelPath: livePath, projections: [clocky] });
    expect(report.identical).toBe(false);
    expect(report.projections[0]!.tables[0]).toMatchObject({ table: 'clocky', liveRows: 3, replayRows: 3, onlyInLive: 3 });
    expect(report.projections[0]!.tables[0]!.differences[0]).toMatchObject({
      kind: 'differs',
      columns: { seen: { live: 'call-1', replay: 'call-4' } },
    });
    rmSync(dir, { recursive: true, force: true });
  });
});

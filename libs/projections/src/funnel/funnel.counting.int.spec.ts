import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { FunnelLog, projectFunnel } from './funnel.log.fixture.js';
import { FunnelQueries } from './funnel.queries.js';
import { countingScenario } from './funnel.scenario.fixture.js';

/** The funnel counted as the published CNR figures are, on a log in the real store (funnel.scenario.fixture.ts). */
describe('funnel counting', () => {
  let log: FunnelLog;
  let events: RecordedEvent[];
  let db: Database.Database;
  let q: FunnelQueries;
  beforeAll(async () => {
    log = new FunnelLog();
    await countingScenario(log);
    events = await log.events();
    db = projectFunnel(events);
    q = new FunnelQueries(db);
  });
  afterAll(async () => {
    db.close();
    await log.close();
  });

  it('counts education intentions per school (distinct UAI, co-holders included) and health intentions per project', () => {
    const { education, health } = q.byProgram();
    // 7 projects of 6 schools: A holds two, B is co-holder of A's first and holds its own.
    expect(education!.intentions).toBe(6);
    expect(health!.intentions).toBe(6);
    // B is counted once, where it first engaged (A's project in the Meuse), not in the Moselle of its own project.
    const moselle = q.territories({ level: 'departement', parent: 'academie:12', program: 'education' });
    expect(moselle.map((r) => [r.code, r.figures['intentions'], r.figures['deposited']])).toEqual([
      ['55', 2, 2],
      ['57', 0, 1],
    ]);
  });

  it('counts deposits whatever their later stage, validations cumulatively, current statuses apart', () => {
    expect(q.byProgram().education).toEqual({
      intentions: 6,
      drafting: 0,
      // e1 rejected, e2 closed, e3 withdrawn after its deposit, e5 financing, e6 in instruction, e7 submitted; e4 abandoned before
      deposited: 6,
      to_analyse: 1,
      under_analysis: 1,
      to_complete: 0,
      // e2 (now closed) and e5 (now financing) stay counted
      validated: 2,
      rejected: 1,
      financed: 2,
      withdrawn: 2,
      grantedCents: 1_500_000,
    });
    expect(q.byProgram().health).toMatchObject({ deposited: 3, to_analyse: 1, under_analysis: 1, validated: 1, grantedCents: 300_000 });
  });

  it('breaks education down by the holder’s school level, registered before or after its projects, adding up to the totals', () => {
    const levels = q.schoolLevels();
    expect(levels.map((l) => [l.level, l.intentions, l.deposited, l.validated])).toEqual([
      ['ecole', 1, 2, 1],
      ['college', 1, 1, 0],
      ['lycee', 0, 0, 0],
      ['lycee_professionnel', 1, 1, 1],
      ['other', 1, 1, 0],
      ['unknown', 2, 1, 0],
    ]);
    const total = (k: 'intentions' | 'deposited' | 'validated') => levels.reduce((s, l) => s + l[k], 0);
    const { education } = q.byProgram();
    expect([total('intentions'), total('deposited'), total('validated')]).toEqual([
      education!.intentions,
      education!.deposited,
      education!.validated,
    ]);
    expect(q.schoolLevels('academie:12').map((l) => l.intentions)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(q.schoolLevels('region:32').find((l) => l.level === 'unknown')).toMatchObject({ intentions: 1, deposited: 1 });
  });

  it('holds the same rows wherever the batches are cut', () => {
    const dump = (d: Database.Database) =>
      Object.fromEntries(
        ['funnel_projects', 'funnel_cells', 'funnel_schools', 'funnel_organisations'].map((t) => [
          t,
          (d.prepare(`SELECT * FROM ${t}`).all() as object[]).map((r) => JSON.stringify(r)).sort(),
        ]),
      );
    const reference = dump(db);
    for (const size of [1, 3, 17]) {
      const other = projectFunnel(events, size);
      expect(dump(other)).toEqual(reference);
      other.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import { TERRITORY_LEVELS, type TerritoryLevel } from '../shared/project-territory.js';
import { FunnelLog, projectFunnel } from './funnel.log.fixture.js';
import { type FunnelFigures, FunnelQueries, type FunnelTerritoryRow } from './funnel.queries.js';
import { countingScenario } from './funnel.scenario.fixture.js';

const sum = (rows: { figures: FunnelFigures }[]): FunnelFigures => {
  const out: FunnelFigures = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.figures)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/** The territory drill-down adds up at every level, for each program and for both together. */
describe('funnel drill-down', () => {
  let log: FunnelLog;
  let db: Database.Database;
  let q: FunnelQueries;
  beforeAll(async () => {
    log = new FunnelLog();
    await countingScenario(log);
    db = projectFunnel(await log.events());
    q = new FunnelQueries(db);
  });
  afterAll(async () => {
    db.close();
    await log.close();
  });

  const rows = (level: TerritoryLevel, parent: string | undefined, program: string | undefined): FunnelTerritoryRow[] =>
    q.territories({ level, ...(parent ? { parent } : {}), ...(program ? { program } : {}) });

  it.each([['education'], ['health'], [undefined]])('program %s: every level’s total is the sum of its children', (program) => {
    const national = program ? q.byProgram()[program]! : sum(Object.values(q.byProgram()).map((figures) => ({ figures })));
    for (const level of TERRITORY_LEVELS) expect(sum(rows(level, undefined, program))).toEqual(national);
    const regions = rows('region', undefined, program);
    expect(regions.map((r) => r.code)).toEqual(['32', '44']);
    for (const region of regions) {
      for (const level of ['academie', 'departement', 'cts'] as const) {
        expect(sum(rows(level, `region:${region.code}`, program))).toEqual(region.figures);
      }
      for (const academie of rows('academie', `region:${region.code}`, program)) {
        expect(sum(rows('departement', `academie:${academie.code}`, program))).toEqual(academie.figures);
      }
      for (const departement of rows('departement', `region:${region.code}`, program)) {
        expect(sum(rows('cts', `departement:${departement.code}`, program))).toEqual(departement.figures);
      }
    }
  });

  it('counts health projects under the académie of their département, and those without a CTS in a row of their own', () => {
    const grandEst = rows('academie', 'region:44', undefined);
    expect(grandEst.map((r) => [r.code, r.figures['intentions']])).toEqual([
      ['12', 4],
      ['15', 2],
      ['19', 2],
    ]);
    expect(rows('region', undefined, undefined).find((r) => r.code === '44')!.figures['intentions']).toBe(8);
    expect(rows('cts', 'departement:59', 'health').map((r) => [r.code, r.label, r.figures['intentions']])).toEqual([
      ['CTS-32-59-1', 'CTS Métropole-Flandres', 1],
      ['CTS-32-59-2', 'CTS Hainaut', 1],
      ['', 'Territoire de santé (CTS) non renseigné', 1],
    ]);
  });
});

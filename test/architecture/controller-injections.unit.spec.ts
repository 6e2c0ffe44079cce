import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { controllerFiles, controllerInjections } from './controller-injections.js';

const ROOT = process.cwd();
const API = join(ROOT, 'apps/api/src');
const FIXTURES = join(ROOT, 'test/architecture/fixtures/controller-injections');

/** Controllers that are not a read or a write of the domain: they keep what they inject. */
const EXEMPT = {
  'health/health.controller.ts': 'health: the store, the projections and the processes report on themselves',
  'metrics/metrics.controller.ts': 'Prometheus scrape: checks its own token and sets the gauges before answering',
  'dashboard/dashboard-stream.controller.ts': 'the SSE stream holds the connection and writes to it (DashboardStream)',
  'dashboard/dashboard-page.controller.ts': 'static files: the page and its assets',
};

/** Not on the buses yet. The list only shrinks. */
const NOT_YET_ON_THE_BUSES: string[] = [];

describe('controllers are given the CommandBus and the QueryBus, nothing else', () => {
  it('holds for every controller under apps/api/src but the exempt ones and those not moved yet', async () => {
    const files = controllerFiles(API).filter((f) => !(f in EXEMPT) && !NOT_YET_ON_THE_BUSES.includes(f));
    const controllers = await controllerInjections(API, files);
    expect(controllers.filter((c) => c.others.length > 0)).toEqual([]);
    // Each file was looked at: it exports at least one controller (a file that exports none would pass unseen).
    expect([...new Set(controllers.map((c) => c.file))]).toEqual(files);
    expect(controllers.map((c) => c.controller)).toEqual(
      expect.arrayContaining(['GetProjectHttp', 'DeclareIntentionHttp', 'GetFunnelHttp']),
    );
  });

  it('names each exception after a controller file that exists', () => {
    const files = controllerFiles(API);
    expect([...Object.keys(EXEMPT), ...NOT_YET_ON_THE_BUSES].filter((f) => !files.includes(f))).toEqual([]);
  });

  it('each controller not moved yet still injects something else (remove it from the list once it does not)', async () => {
    const controllers = await controllerInjections(API, NOT_YET_ON_THE_BUSES);
    expect(controllers.filter((c) => c.others.length === 0)).toEqual([]);
  });

  it('sees what a real controller is given besides the buses: the health controller, its indicators', async () => {
    const [health, ...others] = await controllerInjections(API, ['health/health.controller.ts']);
    expect(others).toEqual([]);
    expect(health?.others).toEqual(['HealthCheckService', 'RefondaHealthIndicators', 'Symbol(APP_CONFIG)']);
  });

  it('fails on a controller given the store, a read model by type, or a service in a property; not on the buses', async () => {
    const files = controllerFiles(FIXTURES);
    expect(files).not.toContain('store-reader.service.ts');
    expect(await controllerInjections(FIXTURES, files)).toEqual([
      { file: 'buses-only.http.ts', controller: 'BusesOnlyHttp', others: [] },
      { file: 'injects-a-property.http.ts', controller: 'InjectsAPropertyHttp', others: ['AuditTrail'] },
      { file: 'injects-by-type.controller.ts', controller: 'InjectsByTypeController', others: ['ProjectReadModel'] },
      { file: 'read-slice/injects-the-store.http.ts', controller: 'InjectsTheStoreHttp', others: ['Symbol(EVENT_STORE)'] },
    ]);
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ICruiseResult } from 'dependency-cruiser';
import { FIXTURES, ROOT, cruiseWithProjectRules, exceptionsOf, libCycles, projectRules, violationsOf } from './dependency-cruise.js';

/** Each fixture file (test/architecture/fixtures/dependency-rules) and the one rule it breaks. */
const EXPECTED = [
  ['apps/api/src/violates-apps-deep-import-by-alias.ts', 'apps-deep-import-by-alias'],
  ['apps/api/src/violates-apps-through-lib-index.ts', 'apps-through-lib-index'],
  ['apps/api/src/violates-controllers-not-to-store.http.ts', 'controllers-not-to-store'],
  ['apps/api/src/violates-controllers-not-to-store.sqlite.controller.ts', 'controllers-not-to-store'],
  ['apps/api/src/violates-not-to-unresolvable.ts', 'not-to-unresolvable'],
  ['libs/cycle-a/src/index.ts', 'no-circular-between-libs'],
  ['libs/funding/src/violates-domain-no-application-shell.ts', 'domain-no-application-shell'],
  ['libs/kernel/src/violates-domain-no-framework-store-or-http.ts', 'domain-no-framework-store-or-http'],
  ['libs/projects/src/violates-domain-no-application-lib.ts', 'domain-no-application-lib'],
  ['libs/territories/src/violates-domain-no-framework-store-or-http.dynamic.ts', 'domain-no-framework-store-or-http'],
  ['libs/workflow/src/violates-domain-no-framework-store-or-http.node-fs.ts', 'domain-no-framework-store-or-http'],
];

const STORE = /^libs\/event-store\/|(^|\/)node_modules\/(@types\/)?better-sqlite3\//;

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let tree: ICruiseResult;
  let fixtures: ICruiseResult;

  beforeAll(async () => {
    [tree, fixtures] = await Promise.all([
      cruiseWithProjectRules(ROOT, ['apps', 'libs', 'test', 'bench']),
      cruiseWithProjectRules(FIXTURES, ['apps', 'libs']),
    ]);
  });

  it('the real tree breaks none, with every lib and app cruised (fixtures left out)', () => {
    expect(violationsOf(tree)).toEqual([]);
    const sources = tree.modules.map((m) => m.source);
    for (const entry of ['apps/api/src/main.ts', 'apps/cli/src/main.ts', 'libs/kernel/src/index.ts', 'libs/funding/src/application.ts']) {
      expect(sources).toContain(entry);
    }
    expect(sources.filter((s) => s.startsWith('test/architecture/fixtures/'))).toEqual([]);
  });

  it('resolves the #… aliases to the TypeScript sources (their types condition)', () => {
    const deps = tree.modules.find((m) => m.source === 'apps/api/src/envelopes/envelope-command.runner.ts')?.dependencies ?? [];
    const resolved = Object.fromEntries(deps.map((d) => [d.module, d.resolved]));
    expect(resolved['#event-store']).toBe('libs/event-store/src/index.ts');
    expect(resolved['#funding/application']).toBe('libs/funding/src/application.ts');
  });

  it('each fixture breaks exactly the rule it is named after, and the allowed fixtures break none', () => {
    const found = violationsOf(fixtures).map((v) => [v.from, v.rule]);
    expect(found.sort()).toEqual([...EXPECTED].sort());
  });

  it('every rule of the configuration has a fixture that breaks it', async () => {
    expect(new Set(EXPECTED.map(([, rule]) => rule))).toEqual(new Set((await projectRules()).map((r) => r.name)));
  });

  it('no controller is excepted from controllers-not-to-store any more (health reads the store through its indicators)', async () => {
    expect(await exceptionsOf('controllers-not-to-store')).toEqual([]);
    const controllers = tree.modules.filter((m) => /^apps\/.+\.(http|controller)\.ts$/.test(m.source));
    expect(controllers.length).toBeGreaterThan(20);
    expect(controllers.filter((c) => c.dependencies.some((d) => STORE.test(d.resolved))).map((c) => c.source)).toEqual([]);
  });

  it('no lib depends on itself through other libs, also where no module cycle shows it', () => {
    expect(libCycles(tree)).toEqual([]);
    expect(libCycles(fixtures)).toEqual([
      ['cycle-a', 'cycle-b', 'cycle-a'],
      ['cycle-c', 'cycle-d', 'cycle-c'],
    ]);
  });
});

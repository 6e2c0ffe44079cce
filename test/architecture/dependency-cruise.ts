import { join } from 'node:path';
import { type ICruiseResult, cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

export const ROOT = process.cwd();
export const FIXTURES = join(ROOT, 'test/architecture/fixtures/dependency-rules');

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Cruises `paths` (relative to `baseDir`) with the rules of .dependency-cruiser.cjs, as `npm run lint` does. */
export async function cruiseWithProjectRules(baseDir: string, paths: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
  const { output } = await cruise(paths, { ...options, baseDir });
  if (typeof output === 'string') throw new Error(`expected a cruise result, got: ${output.slice(0, 200)}`);
  return output;
}

export const violationsOf = (result: ICruiseResult): Violation[] =>
  result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));

export async function projectRules() {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
  return options.ruleSet?.forbidden ?? [];
}

/** The `from.pathNot` patterns of a rule: its exceptions. */
export async function exceptionsOf(ruleName: string): Promise<string[]> {
  const rule = (await projectRules()).find((r) => r.name === ruleName);
  const pathNot = rule?.from.pathNot ?? [];
  return typeof pathNot === 'string' ? [pathNot] : pathNot;
}

/** `libs/<lib>/…` → `<lib>`, for anything else undefined. */
const libOf = (path: string): string | undefined => /^libs\/([^/]+)\//.exec(path)?.[1];

/**
 * Cycles between libs at lib level: a cycle may leave lib A from one file and come back to another file of A, which
 * no module-level cycle shows (depcruise's no-circular-between-libs sees only module cycles).
 */
export function libCycles(result: ICruiseResult): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const m of result.modules) {
    const from = libOf(m.source);
    if (from === undefined) continue;
    for (const d of m.dependencies) {
      const to = libOf(d.resolved);
      if (to !== undefined && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (lib: string): void => {
    state.set(lib, 'open');
    path.push(lib);
    for (const next of edges.get(lib) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(lib, 'done');
  };
  for (const lib of [...edges.keys()].sort()) if (!state.has(lib)) visit(lib);
  return cycles;
}

import { readFileSync } from 'node:fs';

/**
 * Summarizes a V8 .cpuprofile (from `--cpu-prof`): self time by origin (package, lib, Node internals, GC, idle)
 * and inclusive time under named functions. Usage: node dist/bench/http/profile-summary.js <file> [fn ...]
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function origin(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn}`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const dist = /dist\/((?:libs|apps)\/[^/]+)/.exec(url);
  if (dist) return dist[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url;
}

export function summarize(file: string, inclusiveNames: string[]): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const byOrigin = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, t] of self) {
    const { url, functionName, lineNumber } = byId.get(id)!.callFrame;
    const o = origin(url, functionName);
    byOrigin.set(o, (byOrigin.get(o) ?? 0) + t);
    const key = `${functionName || '(anonymous)'} ${o}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  // A name is `function` or `function@path-fragment` (e.g. `flush@projection-runner`, `handled@funding`).
  const inclusive = new Map<string, number>(inclusiveNames.map((n) => [n, 0]));
  const matches = (name: string, frame: Node['callFrame']) => {
    const [fn, where] = name.split('@');
    return frame.functionName === fn && (!where || frame.url.includes(where));
  };
  for (const [id, t] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      for (const name of inclusive.keys()) {
        if (!seen.has(name) && matches(name, frame)) {
          seen.add(name);
          inclusive.set(name, inclusive.get(name)! + t);
        }
      }
    }
  }
  const share = (t: number) => `${((100 * t) / busy).toFixed(1)} %`;
  const ms = (t: number) => `${(t / 1000).toFixed(0)} ms`;
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `${file}: ${ms(total)} sampled, ${ms(idle)} idle, ${ms(busy)} busy (shares below are of busy time)`,
    '',
    'self time by origin:',
    ...top(byOrigin, 25).map(([o, t]) => `  ${share(t).padStart(7)} ${ms(t).padStart(8)}  ${o}`),
    '',
    'self time by function:',
    ...top(byFn, 40).map(([f, t]) => `  ${share(t).padStart(7)} ${ms(t).padStart(8)}  ${f}`),
    '',
    'inclusive time under:',
    ...[...inclusive].map(([f, t]) => `  ${share(t).padStart(7)} ${ms(t).padStart(8)}  ${f}`),
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [file, ...names] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.js <file.cpuprofile> [functionName ...]');
  process.stdout.write(`${summarize(file, names)}\n`);
}

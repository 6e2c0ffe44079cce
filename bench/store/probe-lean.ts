/** Figure 1 and 2 shapes: the store vs the lean prototype, alternated 3 times. `node dist/bench/store/probe-lean.js` */
import { storeAppends } from './append-figures.js';
import { CALLERS, type PlannedAppend, plan, streamName } from './fixtures.js';
import { LeanStore } from './lean-committer.js';
import { rate, summarize, tempDb } from './stats.js';

async function lean(batches: PlannedAppend[]): Promise<number> {
  const tmp = tempDb('lean');
  const store = new LeanStore(tmp.path);
  const events = batches.reduce((n, b) => n + b.events.length, 0);
  const r = await rate(events, () =>
    Promise.all(
      Array.from({ length: CALLERS }, async (_, caller) => {
        const revisions = new Map<number, bigint>();
        for (let k = caller; k < batches.length; k += CALLERS) {
          const b = batches[k]!;
          revisions.set(b.stream, await store.append(streamName(b.stream), b.events, revisions.get(b.stream) ?? 'no_stream'));
        }
      }),
    ),
  );
  store.close();
  tmp.cleanup();
  return r;
}

async function viaStore(batches: PlannedAppend[]): Promise<number> {
  const tmp = tempDb('store');
  try {
    return (await storeAppends(batches, tmp.path)).perSecond;
  } finally {
    tmp.cleanup();
  }
}

for (const [label, appends, size] of [
  ['single-event appends', 60_000, 1],
  ['10-event appends', 20_000, 10],
] as const) {
  const batches = plan(appends, size, 3);
  await viaStore(plan(appends / 10, size, 4));
  await lean(plan(appends / 10, size, 4));
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < 3; i++) {
    s.push(await viaStore(batches));
    l.push(await lean(batches));
  }
  const f = (x: number[]) => {
    const m = summarize(x);
    return `${m.median.toFixed(0)} (${m.min.toFixed(0)}–${m.max.toFixed(0)})`;
  };
  process.stdout.write(`${label} (events/s): store ${f(s)} · lean prototype ${f(l)} · ratio ${f(s.map((v, i) => (l[i]! / v) * 100))}%\n`);
}

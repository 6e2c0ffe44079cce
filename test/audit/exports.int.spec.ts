import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BOM, ledgerCsv, logJsonLines, writeChunks } from '#audit';
import { type EventStore, type ReadAllOptions, SqliteEventStore } from '#event-store';
import { collect } from './support/collect.js';
import { financeLille, fundingScenario, LILLE, run } from './support/funding.js';
import { parseCsv, splitNaively } from './support/parse-csv.js';

/** Records every readAll call (the exporter must read in pages). */
function spied(store: EventStore): { store: EventStore; calls: ReadAllOptions[] } {
  const calls: ReadAllOptions[] = [];
  return {
    calls,
    store: {
      ...store,
      readAll: (o) => {
        calls.push(o ?? {});
        return store.readAll(o);
      },
      headPosition: () => store.headPosition(),
      readStream: (s, o) => store.readStream(s, o),
    } as EventStore,
  };
}

describe('exports: the log as JSON Lines, streamed', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-export-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    await store.appendToStream('project-x', [{ id: randomUUID(), type: 'project.intention_declared', data: { title: 'not money' } }], {
      expectedRevision: 'no_stream',
    });
    await fundingScenario(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the whole log as JSON Lines, one event per line, in global order, with hashes', async () => {
    const lines = (await collect(logJsonLines(store)))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(Number(await store.headPosition()));
    expect(lines.map((l) => l.position)).toEqual(lines.map((_, i) => String(i + 1)));
    expect(lines[0]).toMatchObject({
      streamId: 'project-x',
      revision: '0',
      type: 'project.intention_declared',
      data: { title: 'not money' },
    });
    expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.hash))).toBe(true);
  });
});

/** Reasons that would run as formulas in a spreadsheet: at the start of the text, or after a split on ',' or ';'. */
const DANGEROUS_REASONS = [
  'x;=2+2',
  'a,@SUM(1)',
  '-cmd',
  '=HYPERLINK("http://evil.example/?x=1","clic")',
  '+33 6 12',
  'tab\t@x',
  'b;"=1+1"',
  'ligne\n=1+1',
  'ok;-2,+3;\t=z',
  'x; =1+1',
  'y,  @SUM(1);\t =2',
  'b; "=1+1"',
];
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A formula once a spreadsheet has trimmed the spaces (and any quotes) before it, as some do on import. */
const formulaStart = (cell: string) => FORMULA_START.test(cell) || FORMULA_START.test(cell.replace(/^[ "]+/, ''));
/** A cell that is a number (an amount, or a piece of one split on its decimal comma) is data, not a formula. */
const NUMBER = /^-?\d+([.,]\d+)?$/;

describe('exports: no ledger cell starts a formula, whichever separator a spreadsheet splits on', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-export-formulas-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    await run(store, LILLE, financeLille, {
      type: 'OpenEnvelope',
      fund: 'fip',
      territoryCode: 'academie-09',
      period: { fromYear: 2023, toYear: 2023 },
    });
    for (const reason of DANGEROUS_REASONS)
      await run(store, LILLE, financeLille, { type: 'NotifyCredits', aeCents: 100, cpCents: 100, reason });
    // No command books a negative amount; one written as such (a reduction of −1,500.00 €, +1,500.00 € on the ledger)
    // shows an amount written as it is. A reason no command would keep (it starts with spaces) shows the start of a cell
    // trimmed on import.
    await store.appendToStream(
      `envelope-${LILLE}`,
      [
        { id: randomUUID(), type: 'envelope.credits_reduced', data: { aeCents: 1, cpCents: 1, reason: '  =1+1' }, metadata: {} },
        {
          id: randomUUID(),
          type: 'envelope.credits_reduced',
          data: { aeCents: -150_000, cpCents: -50, reason: 'correction' },
          metadata: { actor: '@admin' },
        },
      ],
      { expectedRevision: 'any' },
    );
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['international', ','],
    ['fr', ';'],
  ] as const)("written %s ('%s'): split naively on ',', ';' or TAB, or parsed properly", async (format, separator) => {
    const body = (await collect(ledgerCsv(store, { format }))).replace(BOM, '');
    for (const split of [',', ';', '\t']) {
      const formulas = splitNaively(body, split).filter((cell) => formulaStart(cell) && !NUMBER.test(cell));
      expect({ split, formulas }).toEqual({ split, formulas: [] });
    }
    const rows = parseCsv(body, separator);
    expect(rows.every((r) => r.length === 19)).toBe(true);
    const [reason, ae] = [rows[0]!.indexOf('Motif'), rows[0]!.indexOf('AE (€)')];
    expect(rows.slice(1, 1 + DANGEROUS_REASONS.length).map((r) => r[reason])).toEqual([
      "x;'=2+2",
      "a,'@SUM(1)",
      "'-cmd",
      '\'=HYPERLINK("http://evil.example/?x=1","clic")',
      "'+33 6 12",
      "tab\t'@x",
      'b;"\'=1+1"',
      "ligne\n'=1+1",
      "ok;'-2,'+3;'\t'=z",
      "x; '=1+1",
      "y,  '@SUM(1);'\t '=2",
      'b; "\'=1+1"',
    ]);
    // A reduction is a negative movement: its amounts stay numbers, never "'-0.01".
    expect(rows.at(-2)![reason]).toBe("  '=1+1");
    expect(rows.at(-2)!.slice(ae, ae + 2)).toEqual(separator === ',' ? ['-0.01', '-0.01'] : ['-0,01', '-0,01']);
    const reduction = rows.at(-1)!;
    expect(reduction.slice(ae, ae + 3)).toEqual(separator === ',' ? ['1500.00', '0.50', "'@admin"] : ['1500,00', '0,50', "'@admin"]);
    expect(rows.flat().filter((cell) => formulaStart(cell) && !NUMBER.test(cell))).toEqual([]);
  });
});

describe('exports run in constant memory: pages in, backpressure out', () => {
  let dir: string;
  let store: SqliteEventStore;
  const EVENTS = 5000;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-export-big-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    for (let s = 0; s < EVENTS / 500; s++) {
      const events = Array.from({ length: 500 }, (_, i) => ({
        id: randomUUID(),
        type: 'project.content_edited',
        data: { changes: { title: `t${i}` }, pad: 'x'.repeat(200) },
      }));
      await store.appendToStream(`project-${s}`, events, { expectedRevision: 'no_stream' });
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the log in pages, lazily: one page per chunk pulled', async () => {
    const { store: s, calls } = spied(store);
    const chunks = logJsonLines(s, { pageSize: 1000 })[Symbol.asyncIterator]();
    await chunks.next();
    expect(calls).toHaveLength(1);
    let n = 1;
    while (!(await chunks.next()).done) n++;
    expect(n).toBe(EVENTS / 1000);
    expect(calls.every((c) => c.maxCount === 1000)).toBe(true);
  });

  it('never runs ahead of a slow destination by more than one chunk (waits for drain)', async () => {
    let pulled = 0;
    let processed = 0;
    let maxAhead = 0;
    let maxChunk = 0;
    async function* counting() {
      for await (const c of logJsonLines(store, { pageSize: 250 })) {
        pulled += c.length;
        maxChunk = Math.max(maxChunk, c.length);
        maxAhead = Math.max(maxAhead, pulled - processed);
        yield c;
      }
    }
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        setTimeout(() => {
          processed += chunk.toString().length;
          done();
        }, 2);
      },
    });
    await writeChunks(counting(), slow);
    expect(pulled).toBeGreaterThan(10 * maxChunk);
    expect(maxAhead).toBeLessThanOrEqual(2 * maxChunk);
  });
});

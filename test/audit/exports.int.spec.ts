import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BOM, ledgerCsv, logJsonLines, writeChunks } from '#audit';
import { type EventStore, type ReadAllOptions, SqliteEventStore } from '#event-store';
import { financeLille, fundingScenario, HDF, LILLE, run } from './support/funding.js';
import { parseCsv, splitNaively } from './support/parse-csv.js';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const c of chunks) text += c;
  return text;
}

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

describe('exports: the funding ledger as CSV and the log as JSON Lines, streamed', () => {
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

  it('the ledger: BOM, header, one row per money event with envelope, project, operation, AE, CP, actor, reason', async () => {
    const csv = await collect(ledgerCsv(store));
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('date,envelope,project,operation,AE,CP,actor,reason,role,commitment,position,event_id');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[3])).toEqual([
      'notification',
      'engagement',
      'service fait',
      'paiement',
      'paiement',
      'reversement',
      'notification',
    ]);
    expect(rows[1]!.slice(1, 8)).toEqual([LILLE, 'project-lille-1', 'engagement', '12500.00', '', 'finance-lille', 'Convention signée']);
    expect(rows[0]!.slice(4, 6)).toEqual(['1000000.00', '500000.00']);
    // Payments name the project of their commitment.
    expect(rows[3]!.slice(1, 7)).toEqual([LILLE, 'project-lille-1', 'paiement', '', '10000.00', 'finance-lille']);
    expect(rows[6]![1]).toBe(HDF);
    expect(rows[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("';' for French spreadsheets: decimal commas, quoting, no formula runs", async () => {
    const csv = await collect(ledgerCsv(store, { separator: ';' }));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]!.startsWith('date;envelope;project;operation;AE;CP;actor;reason')).toBe(true);
    expect(lines[2]).toContain(';engagement;12500,00;;finance-lille;Convention signée;');
    const recovery = lines.find((l) => l.includes('reversement'))!;
    expect(recovery).toContain(';;500,00;finance-lille;"Trop-perçu; voir ""bilan"" =SOMME(A1)";');
  });

  it('a filter keeps the envelopes of a territory only', async () => {
    const csv = await collect(ledgerCsv(store, { envelopeFilter: (id) => id === HDF }));
    const rows = csv.slice(1).split('\r\n').filter(Boolean).slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(HDF);
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
    // No command books a negative amount; one written as such shows that the amount columns stay numbers. A reason no
    // command would keep (it starts with spaces) shows the start of a cell trimmed on import.
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

  it.each([',', ';'] as const)("written with '%s': split naively on ',', ';' or TAB, or parsed properly", async (separator) => {
    const body = (await collect(ledgerCsv(store, { separator }))).slice(BOM.length);
    for (const split of [',', ';', '\t']) {
      const formulas = splitNaively(body, split).filter((cell) => formulaStart(cell) && !NUMBER.test(cell));
      expect({ split, formulas }).toEqual({ split, formulas: [] });
    }
    const rows = parseCsv(body, separator);
    expect(rows.every((r) => r.length === 12)).toBe(true);
    const reason = rows[0]!.indexOf('reason');
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
    expect(rows.at(-2)![reason]).toBe("  '=1+1");
    const reduction = rows.at(-1)!;
    expect(reduction.slice(4, 7)).toEqual(separator === ',' ? ['-1500.00', '-0.50', "'@admin"] : ['-1500,00', '-0,50', "'@admin"]);
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

import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { JwtService } from '#auth';
import { SqliteEventStore } from '#event-store';
import { parseJsonBody } from '../../apps/api/src/http/json-body.js';
import { DeclareIntentionRequest } from '../../apps/api/src/projects/declare-intention/declare-intention.request.dto.js';
import { educationIntention } from '../../test/support/demo-fixtures.js';

/**
 * Per-request costs of the steps of `POST /projects`, each alone in this process (µs per operation,
 * wall clock); the HTTP bench prints them after its runs, or run `node dist/bench/http/micro-costs.js`.
 */
async function perOp(n: number, op: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(n, 500); i++) await op();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await op();
  return ((performance.now() - t0) * 1000) / n;
}

/** A typical envelope command body (POST /envelopes/:id/commit). */
const COMMIT_BODY = JSON.stringify({
  commitmentRef: 'EJ-2023-NM-0042',
  projectId: '7855d075-3b22-4f1a-8c1a-1f436c04d386',
  amount: '18500.00',
  splitKey: 'CTS-32-80',
  reason: 'Convention du 12 septembre 2023',
});

/**
 * parseJsonBody (apps/api/src/http/json-body.ts: depth scan, JSON.parse with a reviver reading each number's source,
 * walk for fractional literals) beside plain JSON.parse of the same text, measured in alternating rounds (median of 5):
 * the ratio is what the parser's checks cost on top of parsing.
 */
async function parserCosts(label: string, text: string, n: number): Promise<[string, number][]> {
  const parser: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round < 5; round++) {
    parser.push(await perOp(n, () => parseJsonBody(text)));
    plain.push(await perOp(n, () => JSON.parse(text)));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[2]!;
  const [p, j] = [median(parser), median(plain)];
  return [
    [`parseJsonBody of ${label} (${text.length} bytes): ${(p / j).toFixed(2)}× JSON.parse of the same text`, p],
    [`JSON.parse of ${label} (reference for the line above)`, j],
  ];
}

export async function microCosts(): Promise<[string, number][]> {
  const dir = mkdtempSync(join(tmpdir(), 'refonda-bench-micro-'));
  const out: [string, number][] = [];
  const jwt = new JwtService('http-bench-secret-0123456789-abcdefghij');
  const token = await jwt.sign({ sub: 'bench-holder', role: 'holder', scope: { academies: ['12'] } });
  out.push(['JwtService.verify (jose, HS256), one at a time', await perOp(20_000, () => jwt.verify(token))]);
  out.push([
    'JwtService.verify, 64 at a time (as under 64 connections), per verify',
    (await perOp(500, () => Promise.all(Array.from({ length: 64 }, () => jwt.verify(token))))) / 64,
  ]);
  // Reference only: the HS256 signature check alone with node:crypto (no claims checks), what the MAC itself costs.
  const [h, p, sig] = token.split('.') as [string, string, string];
  const key = Buffer.from('http-bench-secret-0123456789-abcdefghij');
  out.push([
    'reference: node:crypto createHmac check of the same signature + JSON.parse of the payload',
    await perOp(100_000, () => {
      const mac = createHmac('sha256', key).update(`${h}.${p}`).digest();
      if (!timingSafeEqual(mac, Buffer.from(sig, 'base64url'))) throw new Error('bad signature');
      return JSON.parse(Buffer.from(p, 'base64url').toString());
    }),
  ]);
  const body = educationIntention();
  const options = { whitelist: true, forbidNonWhitelisted: true };
  out.push([
    'class-transformer plainToInstance + class-validator validate (valid body)',
    await perOp(20_000, () => validate(plainToInstance(DeclareIntentionRequest, body), options)),
  ]);
  out.push(['JSON.parse of the body', await perOp(100_000, () => JSON.parse(JSON.stringify(body)))]);
  out.push(...(await parserCosts('an envelope commit body', COMMIT_BODY, 50_000)));
  out.push(...(await parserCosts('the intention body of (a)', JSON.stringify(body), 50_000)));

  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  let i = 0;
  out.push([
    'store.readStream of a missing stream (log of ~0–20k events)',
    await perOp(20_000, () => store.readStream(`project-missing-${i++}`)),
  ]);
  await store.close();

  for (const sync of ['FULL', 'NORMAL']) {
    const db = new Database(join(dir, `process-${sync}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${sync}`);
    db.exec('CREATE TABLE checkpoint (consumer TEXT PRIMARY KEY, position INTEGER NOT NULL)');
    const put = db.prepare('INSERT INTO checkpoint VALUES (?, ?) ON CONFLICT (consumer) DO UPDATE SET position = excluded.position');
    let p = 0;
    const tx = db.transaction(() => put.run('funding', ++p));
    out.push([`1-row transaction, synchronous=${sync} (a process checkpoint per event)`, await perOp(3_000, () => tx())]);
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  microCosts().then(
    (out) => {
      for (const [label, us] of out) process.stdout.write(`${us.toFixed(1).padStart(8)} µs  ${label}\n`);
    },
    (error: Error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}

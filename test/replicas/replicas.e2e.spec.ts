import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { educationIntention } from '../support/demo-fixtures.js';
import { clusterToken, type Replica, startReplicas, stopReplicas } from '../support/replica-cluster.js';
import { declareAndValidate, deciderClaims, inBatches } from '../support/validated-project.js';

jest.setTimeout(120000);

const post = (url: string, token: string, body: unknown, idempotencyKey?: string, method = 'POST') =>
  fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20000),
  })
    .then(async (r) => ({ status: r.status, body: (await r.json().catch(() => ({}))) as Record<string, string> }))
    .catch(() => ({ status: 0, body: {} as Record<string, string> }));
const put = (url: string, token: string, body: unknown) => post(url, token, body, undefined, 'PUT');

describe('three API replicas sharing one SQLite event-store file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'refonda-replicas-'));
  let replicas: Replica[];
  let holder: string;
  beforeAll(async () => {
    replicas = await startReplicas(dataDir, 3);
    holder = await clusterToken(replicas[0]!, { sub: 'holder-replicas', role: 'holder', scope: {} });
  });
  afterAll(async () => {
    await stopReplicas(replicas);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts commands round-robin and offers read-your-writes on any replica', async () => {
    for (let i = 0; i < 30; i++) {
      const writer = replicas[i % 3]!;
      const reader = replicas[(i + 1) % 3]!;
      const created = await post(`${writer.url}/projects`, holder, educationIntention(`Projet réparti ${i}`));
      expect(created.status).toBe(201);
      const read = await fetch(`${reader.url}/projects/${created.body.projectId}?minPosition=${created.body.position}`, {
        headers: { authorization: `Bearer ${holder}` },
      });
      expect(read.status).toBe(200);
    }
  });

  it('concurrent commitments on one envelope sent round-robin are never overspent', async () => {
    const admin = await clusterToken(replicas[0]!, { sub: 'admin-national', role: 'admin', scope: {} });
    // The replicas' clock is today's: the decisions are this year's, and so is the exercise the acts draw on.
    const year = new Date().getFullYear();
    const envelope = `fip-academie-12-${year}`;
    expect(
      (await post(`${replicas[0]!.url}/envelopes`, admin, { fund: 'fip', territoryCode: 'academie-12', year }, 'open-nm')).status,
    ).toBe(201);
    // AE for exactly 10 commitments of 12 500,00 €.
    expect(
      (
        await post(
          `${replicas[1]!.url}/envelopes/${envelope}/notify`,
          admin,
          { ae: '125000.00', cp: '125000.00', reason: 'Notification FIP 2023' },
          'notify-nm-2023',
        )
      ).status,
    ).toBe(200);
    // 60 real projects of the académie, declared and validated for 12 500,00 € round-robin, each with its signed award act
    // on this envelope: a commitment is the EJ of a signed act.
    const validator = await clusterToken(replicas[1]!, { sub: 'val-nancy-metz', role: 'validator', scope: { academies: ['12'] } });
    // Workflow v2: the recteur of Nancy-Metz signs the validations.
    const decider = await clusterToken(replicas[2]!, deciderClaims('education', '12'));
    const projects = await inBatches(60, 10, (i) =>
      declareAndValidate(
        async (method, path, token, body) => {
          const res = await fetch(`${replicas[i % 3]!.url}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          return { status: res.status, body: await res.json() };
        },
        { holder, validator, decider },
        { intention: educationIntention(`Projet engagé ${i}`), requestedCents: 1_250_000, grantedCents: 1_250_000 },
      ),
    );
    const payee = { kind: 'self', siret: '55099990800019', iban: 'FR7630006000011234567890189' };
    expect((await put(`${replicas[0]!.url}/organisations/0550001C/payee`, holder, payee)).status).toBe(200);
    await inBatches(60, 10, async (i) => {
      const act = `${replicas[i % 3]!.url}/projects/${projects[i]!}/award-act`;
      expect((await post(act, admin, { envelopeId: envelope, payeeLegalStatus: 'public' }, `act-r-${i}`)).status).toBe(201);
      expect((await post(`${act}/sign`, decider, {}, `sign-r-${i}`)).status).toBe(200);
    });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        post(
          `${replicas[i % 3]!.url}/envelopes/${envelope}/commit`,
          admin,
          { ejNumber: `2103${String(i).padStart(6, '0')}`, projectId: projects[i]!, amount: '12500.00' },
          `commit-r-${i}`,
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409 && a.body.code === 'ENVELOPE_INSUFFICIENT_AE')).toHaveLength(50);
    const store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    try {
      const committed = (await store.readStream(`envelope-${envelope}`)).filter((e) => e.type === 'envelope.committed');
      expect(committed.reduce((t, e) => t + (e.data as { amountCents: number }).amountCents, 0)).toBe(12_500_000);
    } finally {
      await store.close();
    }
  });

  it('killing one replica loses nothing acknowledged, and the others keep serving', async () => {
    const victim = replicas[2]!;
    const load = Array.from({ length: 120 }, (_, i) =>
      post(`${replicas[i % 3]!.url}/projects`, holder, educationIntention(`Sous charge ${i}`)),
    );
    await new Promise((r) => setTimeout(r, 30));
    victim.process.kill('SIGKILL');
    const answers = await Promise.all(load);
    const acknowledged = answers.filter((a) => a.status === 201);
    const survivors = answers.filter((_, i) => i % 3 !== 2);
    expect(survivors.map((a) => a.status)).toEqual(survivors.map(() => 201));
    const after = await post(`${replicas[0]!.url}/projects`, holder, educationIntention('Après la panne'));
    expect(after.status).toBe(201);
    expect((await post(`${replicas[1]!.url}/projects`, holder, educationIntention('Toujours là'))).status).toBe(201);
    const store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    try {
      for (const a of acknowledged) expect(await store.readStream(`project-${a.body.projectId}`)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it("the surviving replicas' read models converge to identical content", async () => {
    const admin = await clusterToken(replicas[0]!, { sub: 'admin-health', role: 'admin', scope: {} });
    const health = await fetch(`${replicas[0]!.url}/health`, { headers: { authorization: `Bearer ${admin}` } });
    const head = ((await health.json()) as { details: { store: { headPosition: string } } }).details.store.headPosition;
    for (const r of replicas.slice(0, 2)) {
      const res = await fetch(`${r.url}/projects?minPosition=${head}&pageSize=1`, {
        headers: { authorization: `Bearer ${holder}` },
      });
      expect(res.status).toBe(200);
    }
    // Every read-model table, row for row (checkpoints included: both reached the same head).
    const dump = (id: string) => {
      const db = new Database(join(dataDir, `read-models-${id}.sqlite`), { readonly: true });
      try {
        const tables = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
          .pluck()
          .all() as string[];
        return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
      } finally {
        db.close();
      }
    };
    const r1 = dump('r1');
    expect((r1.projects as unknown[]).length).toBeGreaterThan(100);
    expect(Object.keys(r1).length).toBeGreaterThan(3);
    expect(dump('r2')).toEqual(r1);
  });
});

import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import { CommitToProject } from '../../apps/api/src/envelopes/commit/commit.command.js';
import type { ApiHarness } from '../../test/support/api-harness.js';
import { educationIntention } from '../../test/support/demo-fixtures.js';
import { declareAndValidate, deciderClaims } from '../../test/support/validated-project.js';

/** Two envelopes of the académie de Nancy-Metz, multi-year (the funding process matches single-year ones only). */
export const LARGE = 'fip-academie-12-2023-2024';
export const FRESH = 'fip-academie-12-2025-2026';
const FINANCE: Actor = { id: 'bench-finance-12', role: 'finance', scope: { academies: ['12'] } };

export interface Bench {
  finance: string;
  project: string;
  /** POST /envelopes/:id/commit through HTTP, a fresh key and commitment reference each time; resolves with the status. */
  commit(envelopeId: string): Promise<number>;
  /** GET /envelopes/:id through HTTP; resolves with the status and the body's size in bytes. */
  get(envelopeId: string): Promise<{ status: number; bytes: number }>;
}

let sequence = 0;

/** Opens and funds both envelopes, validates one project of the académie (no grant: the funding process leaves it). */
export async function setUp(api: ApiHarness): Promise<Bench> {
  const admin = await api.token({ role: 'admin', sub: 'bench-admin' });
  const finance = await api.token({ role: 'finance', sub: FINANCE.id, scope: FINANCE.scope });
  const send = async (method: 'POST' | 'PATCH', path: string, token: string, body: unknown, key?: string) =>
    api.request(method, path, { token, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
  for (const [id, fromYear] of [
    [LARGE, 2023],
    [FRESH, 2025],
  ] as const) {
    const opened = await send(
      'POST',
      '/envelopes',
      admin,
      { fund: 'fip', territoryCode: 'academie-12', period: { fromYear, toYear: fromYear + 1 } },
      `open-${id}`,
    );
    if (opened.status !== 201 || (opened.body as { envelopeId?: string }).envelopeId !== id)
      throw new Error(`open ${id}: ${opened.status} ${JSON.stringify(opened.body)}`);
    const notified = await send('POST', `/envelopes/${id}/notify`, admin, { ae: '100000000.00', cp: '50000000.00' }, `notify-${id}`);
    if (notified.status !== 200) throw new Error(`notify ${id}: ${notified.status}`);
  }
  const tokens = {
    holder: await api.token({ role: 'holder', sub: 'bench-holder' }),
    validator: await api.token({ role: 'validator', sub: 'bench-validator', scope: { academies: ['12'] } }),
    decider: await api.token(deciderClaims('education', '12')),
  };
  const project = await declareAndValidate(send, tokens, { intention: educationIntention(), requestedCents: 2_000_000, grantedCents: 0 });
  return {
    finance,
    project,
    commit: async (envelopeId) => {
      const n = ++sequence;
      const body = { commitmentRef: `EJ-BENCH-${n}`, projectId: project, amount: '1.00' };
      return (await send('POST', `/envelopes/${envelopeId}/commit`, finance, body, `bench-${n}`)).status;
    },
    get: async (envelopeId) => {
      const res = await fetch(`${api.url}/envelopes/${envelopeId}`, { headers: { authorization: `Bearer ${finance}` } });
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
    },
  };
}

/**
 * `count` commitments on `envelopeId` through the command handler itself (the CommandBus, as the funding process sends
 * them: same checks, claims and appends as over HTTP, without the HTTP round trip), one at a time.
 */
export async function seed(api: ApiHarness, bench: Bench, envelopeId: string, count: number, progress: (n: number) => void): Promise<void> {
  const commands = api.app.get(CommandBus);
  for (let i = 0; i < count; i++) {
    const ref = `EJ-SEED-${i}`;
    const meta = { principal: FINANCE, idempotencyKey: `seed-${i}`, correlationId: `seed-${i}`, causationId: `bench:seed-${i}` };
    const order = { type: 'Commit' as const, commitmentRef: ref, projectId: bench.project, amountCents: 100 };
    await commands.execute(new CommitToProject(envelopeId, order, meta));
    if ((i + 1) % 500 === 0) progress(i + 1);
  }
}

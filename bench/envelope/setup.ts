import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Actor } from '#kernel';
import { CommitToProject } from '../../apps/api/src/envelopes/commit/commit.command.js';
import type { ApiHarness } from '../../test/support/api-harness.js';
import { awardedProject } from '../../test/support/awarded-project.js';

/** Two multi-year envelopes of the académie de Nancy-Metz: the large one receives the seeded commitments. */
export const LARGE = 'fip-academie-12-2023-2024';
export const FRESH = 'fip-academie-12-2025-2026';
const PERIODS = { [LARGE]: { fromYear: 2023, toYear: 2024 }, [FRESH]: { fromYear: 2025, toYear: 2026 } } as const;
const FINANCE: Actor = { id: 'bench-finance-12', role: 'finance', scope: { academies: ['12'] } };

export interface Bench {
  finance: string;
  /** POST /envelopes/:id/commit through HTTP, the EJ of the next project awarded on it, a fresh key; resolves with the status. */
  commit(envelopeId: string): Promise<number>;
  /** GET /envelopes/:id through HTTP; resolves with the status and the body's size in bytes. */
  get(envelopeId: string): Promise<{ status: number; bytes: number }>;
}

let sequence = 0;

/** `count` validated projects, each with its signed award act on `envelopeId`, 32 written at a time (group commit). */
async function awardedProjects(api: ApiHarness, envelopeId: keyof typeof PERIODS, count: number, label: string): Promise<string[]> {
  const store = api.app.get<EventStore>(EVENT_STORE);
  const ids = Array.from({ length: count }, (_, i) => `bench-${label}-${i}`);
  for (let i = 0; i < ids.length; i += 32) {
    await Promise.all(ids.slice(i, i + 32).map((id) => awardedProject(store, id, envelopeId, PERIODS[envelopeId], api.clock.now())));
  }
  return ids;
}

/**
 * Opens and funds both envelopes, and awards `measured` projects on each (one per commitment measured: an EJ formalises a
 * signed act, one per act).
 */
export async function setUp(api: ApiHarness, measured: number): Promise<Bench> {
  const admin = await api.token({ role: 'admin', sub: 'bench-admin' });
  const finance = await api.token({ role: 'finance', sub: FINANCE.id, scope: FINANCE.scope });
  const send = async (method: 'POST' | 'PATCH', path: string, token: string, body: unknown, key?: string) =>
    api.request(method, path, { token, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
  for (const [id, { fromYear, toYear }] of Object.entries(PERIODS)) {
    const opened = await send(
      'POST',
      '/envelopes',
      admin,
      { fund: 'fip', territoryCode: 'academie-12', period: { fromYear, toYear } },
      `open-${id}`,
    );
    if (opened.status !== 201 || (opened.body as { envelopeId?: string }).envelopeId !== id)
      throw new Error(`open ${id}: ${opened.status} ${JSON.stringify(opened.body)}`);
    const notified = await send('POST', `/envelopes/${id}/notify`, admin, { ae: '100000000.00', cp: '50000000.00' }, `notify-${id}`);
    if (notified.status !== 200) throw new Error(`notify ${id}: ${notified.status}`);
  }
  const pools = {
    [LARGE]: await awardedProjects(api, LARGE, measured, 'large'),
    [FRESH]: await awardedProjects(api, FRESH, measured, 'fresh'),
  };
  return {
    finance,
    commit: async (envelopeId) => {
      const n = ++sequence;
      const projectId = pools[envelopeId as keyof typeof pools]!.pop();
      if (!projectId) throw new Error(`no awarded project left for ${envelopeId}`);
      const body = { projectId, ejNumber: `BENCH-EJ-${n}`, amount: '1.00' };
      return (await send('POST', `/envelopes/${envelopeId}/commit`, finance, body, `bench-${n}`)).status;
    },
    get: async (envelopeId) => {
      const res = await fetch(`${api.url}/envelopes/${envelopeId}`, { headers: { authorization: `Bearer ${finance}` } });
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
    },
  };
}

/**
 * `count` commitments on the large envelope through the command handler itself (the CommandBus: the same checks, claims
 * and appends as over HTTP, without the HTTP round trip), one at a time, each the EJ of its own awarded project.
 */
export async function seed(api: ApiHarness, count: number, progress: (n: number) => void): Promise<void> {
  const projects = await awardedProjects(api, LARGE, count, 'seed');
  progress(0);
  const commands = api.app.get(CommandBus);
  for (let i = 0; i < count; i++) {
    const meta = { principal: FINANCE, idempotencyKey: `seed-${i}`, correlationId: `seed-${i}`, causationId: `bench:seed-${i}` };
    await commands.execute(new CommitToProject(LARGE, { projectId: projects[i]!, ejNumber: `SEED-EJ-${i}`, amountCents: 100 }, meta));
    if ((i + 1) % 500 === 0) progress(i + 1);
  }
}

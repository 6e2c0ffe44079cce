import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { type Actors, actors, envelopeCommand, store } from './funding-flow.js';

const NATIONAL = 'fip-national-2023-2027';

/** Opens an envelope as admin and notifies its credits (root when no parent; a child draws on its parent's allocation). */
async function open(api: ApiHarness, a: Actors, territoryCode: string, parentId?: string) {
  const opened = await envelopeCommand(api, a.admin, '/envelopes', {
    fund: 'fip',
    territoryCode,
    ...(territoryCode === 'national' ? { period: { fromYear: 2023, toYear: 2027 } } : { year: 2023 }),
    ...(parentId ? { parentId } : {}),
  });
  expect(opened.status).toBe(201);
  return opened.body.envelopeId as string;
}

describe('a transfer moves credits only between siblings of one parent, within the caller’s territory', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    // Two roots (no parent): académies 20 and 21, each with its own notified credits.
    for (const territory of ['academie-20', 'academie-21']) {
      const id = await open(api, a, territory);
      expect((await envelopeCommand(api, a.admin, `/envelopes/${id}/notify`, { ae: '100000.00', cp: '50000.00' })).status).toBe(200);
    }
    // One parent with two children: Nancy-Metz (12, the finance officer's) and Lille (09, not his).
    await open(api, a, 'national');
    expect((await envelopeCommand(api, a.admin, `/envelopes/${NATIONAL}/notify`, { ae: '1000000.00', cp: '500000.00' })).status).toBe(200);
    for (const territory of ['academie-12', 'academie-09']) {
      const id = await open(api, a, territory, NATIONAL);
      const allocated = await envelopeCommand(api, a.admin, `/envelopes/${NATIONAL}/allocate`, {
        childId: id,
        ae: '100000.00',
        cp: '50000.00',
      });
      expect(allocated.status).toBe(200);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses a transfer between two root envelopes (no parent: not siblings), naming the rule, and writes nothing', async () => {
    const before = await store(api).readStream('envelope-fip-academie-20-2023');
    const res = await envelopeCommand(api, a.admin, '/envelopes/fip-academie-20-2023/transfer', {
      toId: 'fip-academie-21-2023',
      ae: '1000.00',
      cp: '0.00',
      reason: 'Projets prêts dans l’autre académie',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ENVELOPE_NOT_A_SIBLING',
      envelopeId: 'fip-academie-21-2023',
      parentId: null,
      errors: [expect.objectContaining({ field: 'toId', rule: 'siblings-of-one-parent' })],
    });
    expect(res.body.detail).toMatch(/même enveloppe parente/);
    expect(await store(api).readStream('envelope-fip-academie-20-2023')).toHaveLength(before.length);
    expect(await store(api).readStream('envelope-fip-academie-21-2023')).toHaveLength(2);
  });

  it('refuses a finance officer’s transfer into a sibling outside its territory (403), and writes nothing', async () => {
    const before = await store(api).readStream('envelope-fip-academie-12-2023');
    const res = await envelopeCommand(api, a.finance, '/envelopes/fip-academie-12-2023/transfer', {
      toId: 'fip-academie-09-2023',
      ae: '1000.00',
      cp: '0.00',
      reason: 'Projets prêts à Lille',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'ENVELOPE_OUT_OF_SCOPE', envelopeId: 'fip-academie-09-2023', role: 'finance' });
    expect(await store(api).readStream('envelope-fip-academie-12-2023')).toHaveLength(before.length);
  });

  it('still lets the admin transfer between the two siblings (the rule refuses only what it names)', async () => {
    const res = await envelopeCommand(api, a.admin, '/envelopes/fip-academie-12-2023/transfer', {
      toId: 'fip-academie-09-2023',
      ae: '1000.00',
      cp: '0.00',
      reason: 'Projets prêts à Lille',
    });
    expect(res.status).toBe(200);
    expect(res.body.target).toMatchObject({ envelopeId: 'fip-academie-09-2023', outcome: [{ type: 'envelope.transfer_received' }] });
    // Both halves carry the command shell's one metadata shape; the received half is caused by the sent one.
    const sent = (await store(api).readStream('envelope-fip-academie-12-2023')).find((e) => e.type === 'envelope.transferred')!;
    const received = (await store(api).readStream('envelope-fip-academie-09-2023')).find((e) => e.type === 'envelope.transfer_received')!;
    const shape = { actorId: 'admin-national', role: 'admin', replica: 'main', command: 'envelope.TransferToSibling' };
    expect(sent.metadata).toMatchObject({ ...shape, idempotencyKey: res.body.requestId });
    expect(received.metadata).toMatchObject({ ...shape, causationId: sent.id, correlationId: res.body.requestId });
  });
});

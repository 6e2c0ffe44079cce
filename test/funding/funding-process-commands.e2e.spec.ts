import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { type Actors, NANCY_METZ_2023, actors, eventually, openNancyMetz, store, validatedEducationProject } from './funding-flow.js';
import { commitAct, communePaysForSchool, signedAwardAct } from './award-flow.js';

describe('the funding process sends its one command through the CommandBus, as any caller', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    await openNancyMetz(api, a, '100000.00', '50000.00');
    await communePaysForSchool(api, a);
  });
  afterAll(async () => {
    await api.close();
  });

  it('the EJ is finance’s; the start of financing it implies carries the shell’s metadata: command, step key, actor', async () => {
    const id = await validatedEducationProject(api, a, 1_000_000, 1_000_000, 'Un potager au collège');
    await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await eventually(
      () => api.request('GET', `/projects/${id}`, { token: a.holder }),
      (r) => r.body.status === 'financing',
    );
    const committed = (await store(api).readStream(`envelope-${NANCY_METZ_2023}`)).find((e) => e.type === 'envelope.committed')!;
    expect(committed.metadata).toMatchObject({ actorId: 'finance-nancy-metz', role: 'finance', command: 'envelope.Commit' });
    const started = (await store(api).readStream(`project-${id}`)).find((e) => e.type === 'project.financing_started')!;
    expect(started.metadata).toMatchObject({
      actorId: 'funding-process',
      role: 'system',
      correlationId: committed.id,
      causationId: committed.id,
      command: 'project.start_financing',
      idempotencyKey: `funding:start_financing:${committed.id}`,
    });
    // Decided at the trigger's time, not at the moment the process ran.
    expect(started.metadata['occurredAt']).toBe(committed.metadata['occurredAt']);
    // Nothing else: no payment, no certification by the machine.
    expect((await store(api).readStream(`envelope-${NANCY_METZ_2023}`)).map((e) => e.type)).not.toContain('envelope.paid');
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  type Actors,
  NANCY_METZ_2023,
  actors,
  eventually,
  fundingOf,
  openNancyMetz,
  store,
  validatedEducationProject,
} from './funding-flow.js';

describe('the funding process sends its commands through the CommandBus, as any caller', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    await openNancyMetz(api, a, '100000.00', '50000.00');
  });
  afterAll(async () => {
    await api.close();
  });

  it('its commitment, advance and start of financing carry the shell’s metadata: the command, the step’s key, its actor', async () => {
    const id = await validatedEducationProject(api, a, 1_000_000, 1_000_000, 'Un potager au collège');
    await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.funding?.status === 'financing' && r.body.payments?.length === 1,
    );
    const validated = (await store(api).readStream(`project-${id}`)).find((e) => e.type === 'project.validated')!;
    const started = (await store(api).readStream(`project-${id}`)).find((e) => e.type === 'project.financing_started')!;
    const envelope = await store(api).readStream(`envelope-${NANCY_METZ_2023}`);
    const committed = envelope.find((e) => e.type === 'envelope.committed')!;
    const process = { actorId: 'funding-process', role: 'system', correlationId: validated.id, causationId: validated.id };
    expect(committed.metadata).toMatchObject({ ...process, command: 'envelope.Commit', idempotencyKey: `funding:commit:${validated.id}` });
    expect(started.metadata).toMatchObject({
      ...process,
      command: 'project.start_financing',
      idempotencyKey: `funding:start_financing:${validated.id}`,
    });
    const paid = envelope.find((e) => e.type === 'envelope.paid')!;
    expect(paid.metadata).toMatchObject({
      actorId: 'funding-process',
      command: 'envelope.PayInstalment',
      idempotencyKey: `funding:advance:${started.id}`,
    });
    // Decided at the trigger's time, not at the moment the process ran.
    expect(committed.metadata['occurredAt']).toBe(validated.metadata['occurredAt']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actor, eventIdFor } from '#kernel';
import { SqliteEventStore, handleCommand } from '#event-store';
import type { EnvelopeCommand } from '#funding';
import { handleEnvelopeCommand } from '#funding/application';
import { type ProjectCommand, projectDecider, streamIdOf } from '#projects';
import { type AwardActCommand, DEFAULT_CONVENTION_RULE, awardActDecider, awardActStreamOf } from '#awards';
import type { FundingCommands, FundingRequest } from './funding.port.js';
import { FUNDING_PROCESS_ACTOR, FundingSteps } from './funding.steps.js';

const AT = new Date('2023-09-01T08:00:00.000Z');
const ENVELOPE = 'fip-academie-12-2023';
/** As the directory resolves them: the holder acts for the school; the recteur signs in own right. */
const HOLDER: Actor = { id: 'holder-1', role: 'holder', scope: {}, organisations: ['0550001C'] };
const RECTEUR: Actor = { id: 'recteur-12', role: 'decider', scope: { academies: ['12'] }, capacity: 'recteur' };
const SIGNATURE = { signatory: 'recteur-12', capacity: 'recteur', departureReason: 'Sans passage en commission' };
const VALIDATOR: Actor = { id: 'val-1', role: 'validator', scope: { academies: ['12'] } };
const ADMIN: Actor = { id: 'admin-1', role: 'admin', scope: {} };

describe('the funding steps write only through their port (here: appends on a real SQLite store)', () => {
  let dir: string;
  let store: SqliteEventStore;
  const sent: string[] = [];
  const ctx = (r: FundingRequest) => ({ actor: FUNDING_PROCESS_ACTOR, now: r.at });
  const project = async (projectId: string, order: Record<string, unknown>, r: FundingRequest) => {
    const streamId = streamIdOf(projectId);
    const command = { ...order, projectId, ctx: ctx(r) } as ProjectCommand;
    const eventId = (i: number) => eventIdFor(r.requestId, i, streamId);
    await handleCommand({ store, streamId, decider: projectDecider, command, metadata: {}, eventId, replayByEventIds: true });
  };
  const port: FundingCommands = {
    openReviewOnWithdrawal: async (id, paidCents, r) => void sent.push(`open_review ${id} ${paidCents} ${r.requestId}`),
    liftReportDeadline: async (id, actId, r) => void sent.push(`lift_report_deadline ${id} ${actId} ${r.requestId}`),
    startFinancing: (id, commitmentRef, r) => (
      sent.push(`start_financing ${r.requestId}`),
      project(id, { type: 'start_financing', commitmentRef }, r)
    ),
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-funding-steps-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const admin = { actor: ADMIN, now: AT };
    const open = { type: 'OpenEnvelope', fund: 'fip', territoryCode: 'academie-12', period: { fromYear: 2023, toYear: 2023 } };
    await handleEnvelopeCommand(store, ENVELOPE, { ...open, requestId: 'open', ctx: admin } as EnvelopeCommand);
    await handleEnvelopeCommand(store, ENVELOPE, {
      type: 'NotifyCredits',
      aeCents: 5_000_000,
      cpCents: 5_000_000,
      requestId: 'notify',
      ctx: admin,
    });
    const as = (actor: Actor) => ({ projectId: 'p-1', ctx: { actor, now: AT } });
    const commands: ProjectCommand[] = [
      {
        type: 'declare_intention',
        ...as(HOLDER),
        program: 'education',
        title: 'Un jardin pédagogique',
        description: 'Concertation',
        territory: { region: '44', departement: '55', communeCode: '55029', academie: '12' },
        holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
        partners: [],
      },
      { type: 'start_drafting', ...as(HOLDER) },
      {
        type: 'edit_content',
        ...as(HOLDER),
        changes: { requestedAmountCents: 1_000_000, budgetLines: [{ label: 'Matériel', amountCents: 1_000_000 }] },
      },
      { type: 'submit', ...as(HOLDER) },
      { type: 'start_analysis', ...as(VALIDATOR) },
      { type: 'complete_analysis', ...as(VALIDATOR), reason: 'Instruction close' },
      { type: 'validate', ...as(RECTEUR), reason: 'Projet conforme', grantedAmountCents: 1_000_000, signature: SIGNATURE },
    ];
    for (const command of commands)
      await handleCommand({ store, streamId: streamIdOf('p-1'), decider: projectDecider, command, metadata: {} });
    // Its award act, drafted by finance and signed by the recteur (as the API's handlers would).
    const finance: Actor = { id: 'finance-12', role: 'finance', scope: { academies: ['12'] } };
    const payee = {
      organisationId: '21550029900015',
      name: 'Commune de Bar-le-Duc',
      siret: '21550029900015',
      legalStatus: 'public' as const,
    };
    const facts = {
      projectStatus: 'validated',
      decidedAmountCents: 1_000_000,
      beneficiaryId: '0550001C',
      payee,
      envelopePeriod: { fromYear: 2023, toYear: 2023 },
      decisionYear: 2023,
      rule: DEFAULT_CONVENTION_RULE,
    };
    const acts: AwardActCommand[] = [
      { type: 'DraftAwardAct', projectId: 'p-1', envelopeId: ENVELOPE, facts, ctx: { actor: finance, now: AT } },
      {
        type: 'SignAwardAct',
        projectId: 'p-1',
        signature: { signatory: 'recteur-12', capacity: 'recteur' },
        ctx: { actor: RECTEUR, now: AT },
      },
    ];
    for (const command of acts)
      await handleCommand({ store, streamId: awardActStreamOf('p-1'), decider: awardActDecider, command, metadata: {} });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an EJ whose act the log does not hold signed starts nothing', async () => {
    const steps = new FundingSteps(store, port);
    const step = {
      kind: 'start_financing' as const,
      triggerId: 't-0',
      projectId: 'p-1',
      at: AT.toISOString(),
      envelopeId: ENVELOPE,
      commitmentRef: 'AA-p-1-9',
    };
    expect(await steps.run(step, undefined, { position: 9n, at: AT.toISOString() })).toMatchObject({ status: 'not_started' });
    expect(sent).toEqual([]);
  });

  it('starts financing once the EJ is recorded, with a request id derived from the trigger; run again, it writes nothing new', async () => {
    const steps = new FundingSteps(store, port);
    const step = {
      kind: 'start_financing' as const,
      triggerId: 'trigger-1',
      projectId: 'p-1',
      at: AT.toISOString(),
      envelopeId: ENVELOPE,
      commitmentRef: 'AA-p-1-1',
    };
    const handling = { position: 10n, at: AT.toISOString() };
    const record = await steps.run(step, undefined, handling);
    expect(record).toMatchObject({ status: 'financing', envelopeId: ENVELOPE, commitmentRef: 'AA-p-1-1', note: null });
    expect(sent).toEqual(['start_financing funding:start_financing:trigger-1']);
    const head = (await store.readAll()).length;

    expect(await steps.run(step, undefined, handling)).toMatchObject({ status: 'financing' });
    expect(await steps.run(step, record, handling)).toMatchObject({ status: 'financing' });
    expect(sent).toHaveLength(1);
    expect(await store.readAll()).toHaveLength(head);
    const project = (await store.readStream(streamIdOf('p-1'))).map((e) => e.type);
    expect(project.filter((t) => t === 'project.financing_started')).toHaveLength(1);
    // The process moved no money: the envelope holds only what finance wrote.
    expect((await store.readStream('envelope-' + ENVELOPE)).map((e) => e.type)).toEqual(['envelope.opened', 'envelope.credits_notified']);
  });

  it('a withdrawal before any payment lifts the report deadline of the act: no compte rendu is due on nothing paid', async () => {
    sent.length = 0;
    const steps = new FundingSteps(store, port);
    const step = {
      kind: 'withdrawn' as const,
      triggerId: 'trigger-w',
      projectId: 'p-1',
      at: AT.toISOString(),
      envelopeId: '',
      commitmentRef: '',
    };
    await steps.run(step, undefined, { position: 20n, at: AT.toISOString() });
    expect(sent).toEqual(['lift_report_deadline p-1 AA-p-1-1 funding:withdrawn:trigger-w']);
  });
});

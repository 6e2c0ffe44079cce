import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actor, eventIdFor } from '#kernel';
import { SqliteEventStore, handleCommand } from '#event-store';
import { type ProjectCommand, projectDecider, streamIdOf } from '#projects';
import { type AwardActCommand, DEFAULT_CONVENTION_RULE, awardActDecider, awardActStreamOf } from '#awards';
import type { ReportDeadlineCommands, ReportDeadlineRequest } from './report-deadline.port.js';
import { REPORT_DEADLINE_PROCESS_ACTOR, ReportDeadlineProcessRunner } from './report-deadline.runner.js';

const AT = new Date('2023-09-15T08:00:00.000Z');
const PID = 'p-ecole-bar';
const HOLDER: Actor = { id: 'holder-1', role: 'holder', scope: {}, organisations: ['0550001C'] };
const FINANCE: Actor = { id: 'finance-12', role: 'finance', scope: { academies: ['12'] } };
const RECTEUR: Actor = { id: 'recteur-12', role: 'decider', scope: { academies: ['12'] }, capacity: 'recteur' };

describe('the report deadline process on a real SQLite store, its checkpoint in its own file', () => {
  let dir: string;
  let store: SqliteEventStore;
  const sent: string[] = [];
  /** The application's port, here the project's decider run as the command handlers do (event ids from the request id). */
  const run = async (order: Record<string, unknown>, r: ReportDeadlineRequest) => {
    const streamId = streamIdOf(PID);
    const command = { ...order, projectId: PID, ctx: { actor: REPORT_DEADLINE_PROCESS_ACTOR, now: r.at } } as ProjectCommand;
    const eventId = (i: number) => eventIdFor(`${REPORT_DEADLINE_PROCESS_ACTOR.id}\u0000${r.requestId}`, i, streamId);
    sent.push(r.requestId);
    return (await handleCommand({ store, streamId, decider: projectDecider, command, metadata: {}, eventId, replayByEventIds: true }))
      .events.length;
  };
  const port: ReportDeadlineCommands = {
    openReportDeadline: (_p, actId, reportDueOn, r) => run({ type: 'open_report_deadline', actId, reportDueOn }, r),
    cancelReportDeadline: (_p, actId, r) => run({ type: 'cancel_report_deadline', actId }, r),
  };
  const runner = (file = 'processes.sqlite') =>
    new ReportDeadlineProcessRunner({ store, commands: port, checkpointPath: join(dir, file) }).start();
  const projectEvents = async () => (await store.readStream(streamIdOf(PID))).map((e) => [e.type, (e.data as { dueDay?: string }).dueDay]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-report-deadline-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const declare: ProjectCommand = {
      type: 'declare_intention',
      projectId: PID,
      ctx: { actor: HOLDER, now: AT },
      program: 'education',
      title: 'Un club d’échecs',
      description: 'Concertation',
      territory: { region: '44', departement: '55', communeCode: '55029', academie: '12' },
      holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
      partners: [],
    };
    await handleCommand({ store, streamId: streamIdOf(PID), decider: projectDecider, command: declare, metadata: {} });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the deadline on the signed arrêté, moves it on an amendment, and a rebuilt checkpoint writes nothing again', async () => {
    const first = runner();
    const payee = { organisationId: '21550029900015', name: 'Commune de Bar-le-Duc', siret: '21550029900015', legalStatus: 'public' };
    const facts = {
      projectStatus: 'validated',
      decidedAmountCents: 400_000,
      beneficiaryId: '0550001C',
      payee,
      envelopePeriod: { fromYear: 2023, toYear: 2024 },
      decisionYear: 2023,
      rule: DEFAULT_CONVENTION_RULE,
    };
    const acts = [
      { type: 'DraftAwardAct', projectId: PID, envelopeId: 'fip-academie-12-2023-2024', facts, ctx: { actor: FINANCE, now: AT } },
      {
        type: 'SignAwardAct',
        projectId: PID,
        signature: { signatory: 'recteur-12', capacity: 'recteur' },
        ctx: { actor: RECTEUR, now: AT },
      },
    ] as AwardActCommand[];
    for (const command of acts) {
      await handleCommand({ store, streamId: awardActStreamOf(PID), decider: awardActDecider, command, metadata: {} });
    }
    await first.caughtUp();
    expect(await projectEvents()).toEqual([
      ['project.intention_declared', undefined],
      ['project.deadline_opened', '2024-07-01'],
    ]);
    expect(first.record(PID)).toMatchObject({ kind: 'open', reportDueOn: '2024-06-30', written: 1 });

    // An amendment (avenant) extending the action to 2024, signed by the recteur: the report is due by 30 June 2025.
    const extension = {
      type: 'AmendAwardAct',
      projectId: PID,
      kind: 'extension',
      lastExercise: 2024,
      reason: 'Action prolongée d’une année scolaire',
      signature: { signatory: 'recteur-12', capacity: 'recteur' },
      facts: { certifiedByInstalment: {}, envelopePeriod: { fromYear: 2023, toYear: 2024 } },
      ctx: { actor: RECTEUR, now: new Date('2024-03-01T09:00:00.000Z') },
    } as AwardActCommand;
    await handleCommand({ store, streamId: awardActStreamOf(PID), decider: awardActDecider, command: extension, metadata: {} });
    await first.caughtUp();
    const moved = [
      ['project.intention_declared', undefined],
      ['project.deadline_opened', '2024-07-01'],
      ['project.deadline_cancelled', undefined],
      ['project.deadline_opened', '2025-06-30'],
    ];
    expect(await projectEvents()).toEqual(moved);
    const head = await store.headPosition();
    expect(first.checkpoint()).toBe(head);
    await first.close();

    // Its checkpoint kept: it resumes at the head. Its file lost: it handles the log again and writes nothing new.
    const resumed = runner();
    expect(resumed.checkpoint()).toBe(head);
    await resumed.close();
    const rebuilt = runner('other.sqlite');
    await rebuilt.caughtUp();
    expect(await projectEvents()).toEqual(moved);
    expect(await store.headPosition()).toBe(head);
    expect(sent.filter((s) => s.startsWith('report-deadline:open:'))).toHaveLength(4);
    await rebuilt.close();
  });
});

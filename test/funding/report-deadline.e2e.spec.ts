import { afterEach, describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import { FundingProcessRunner, ReportDeadlineProcessRunner } from '#processes';
import { READ_MODEL_DB } from '../../apps/api/src/infrastructure/tokens.js';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { deadlines, eventTypes } from '../lifecycle/lifecycle-flow.js';
import { commitAct, communePaysForSchool, signedAwardAct } from './award-flow.js';
import {
  type Actors,
  NANCY_METZ_2023,
  actors,
  eventually,
  openNancyMetz,
  store,
  transition,
  validatedEducationProject,
} from './funding-flow.js';

/**
 * The École de Bar-le-Duc's act on the FIP 2023 of Nancy-Metz: its compte rendu financier is due by 30 June 2024, a
 * Sunday, hence by the end of Monday 1 July (Paris); the reminder, 30 days before, falls on Sunday 2 June and goes back to
 * Friday 31 May.
 */
const DUE_AT = '2024-07-01T22:00:00.000Z';
const REMIND_AT = '2024-05-30T22:00:00.000Z';
const count = (types: string[], type: string) => types.filter((t) => t === type).length;

describe('the compte rendu financier deadline, from the signed act to the formal notice (fake clock, real SQLite)', () => {
  let api: ApiHarness;
  let a: Actors;
  afterEach(async () => {
    await api.close();
  });

  const boot = async () => {
    api = await startApi();
    a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    await communePaysForSchool(api, a);
  };
  /** The report deadline process, then the deadline runner, caught up with the log; then the runner fires what is due. */
  const tick = async () => {
    await (api.app.get(ReportDeadlineProcessRunner) as ReportDeadlineProcessRunner).caughtUp();
    return deadlines(api).tick();
  };
  const moveClockTo = (iso: string) => api.clock.advance(Date.parse(iso) - api.clock.now().getTime());
  const project = async (id: string) =>
    (await api.request('GET', `/projects/${id}?minPosition=${await api.headPosition()}`, { token: a.holder })).body;
  const deadlineId = (id: string) => `${id}/compte_rendu_financier/1`;
  /** A school's project in financing (act signed, EJ recorded), its report deadline open. */
  const financedWithItsDeadline = async (title: string) => {
    await boot();
    const id = await validatedEducationProject(api, a, 400_000, 400_000, title);
    await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await eventually(
      () => project(id),
      (p) => p.status === 'financing',
    );
    await tick();
    expect(
      deadlines(api)
        .pending()
        .map((d) => d.deadlineId),
    ).toEqual([deadlineId(id)]);
    return id;
  };

  it('opened when the recteur signs the arrêté; the holder is reminded on 31 May; after 1 July the system records the notice', async () => {
    await boot();
    const id = await validatedEducationProject(api, a, 400_000, 400_000, 'Un club d’échecs');
    const act = await signedAwardAct(api, a, id);
    expect(act).toMatchObject({ status: 'signed', reportDueOn: '2024-06-30' });
    await tick();
    expect(deadlines(api).pending()).toEqual([
      {
        deadlineId: deadlineId(id),
        streamId: `project-${id}`,
        projectId: id,
        name: 'compte_rendu_financier',
        dueAt: DUE_AT,
        remindAt: REMIND_AT,
      },
    ]);
    expect((await project(id)).reportDeadline).toEqual({
      deadlineId: deadlineId(id),
      actId: act.actId,
      reportDueOn: '2024-06-30',
      dueDay: '2024-07-01',
      dueAt: DUE_AT,
    });
    const readModels = api.app.get(READ_MODEL_DB) as Database.Database;
    expect(readModels.prepare('SELECT name, due_at FROM workload_deadlines WHERE project_id = ?').all(id)).toEqual([
      { name: 'compte_rendu_financier', due_at: DUE_AT },
    ]);

    moveClockTo('2024-05-30T21:59:00.000Z');
    expect(await tick()).toEqual([]);
    moveClockTo(REMIND_AT);
    expect((await tick()).map((f) => [f.kind, f.outcome])).toEqual([['reminder', 'reminded']]);
    expect(count(await eventTypes(api, id), 'project.deadline_reminder_due')).toBe(1);

    moveClockTo('2024-07-01T21:59:00.000Z');
    expect(await tick()).toEqual([]);
    expect(count(await eventTypes(api, id), 'project.report_formal_notice')).toBe(0);
    moveClockTo('2024-07-02T06:00:00.000Z');
    expect((await tick()).map((f) => f.outcome)).toEqual(['expired']);
    expect(await tick()).toEqual([]);

    const types = await eventTypes(api, id);
    expect(types.slice(-2)).toEqual(['project.deadline_expired', 'project.report_formal_notice']);
    expect(count(types, 'project.report_formal_notice')).toBe(1);
    const [notice] = (await store(api).readStream(`project-${id}`)).slice(-1);
    expect(notice!.data).toMatchObject({ deadlineId: deadlineId(id), actId: act.actId, dueDay: '2024-07-01', at: DUE_AT });
    expect(notice!.metadata).toMatchObject({ actorId: 'deadline-scheduler', role: 'system', correlationId: deadlineId(id) });
    const after = await project(id);
    expect(after).toMatchObject({ reportFormalNotice: { deadlineId: deadlineId(id), actId: act.actId, dueDay: '2024-07-01' } });
    expect(after).not.toHaveProperty('reportDeadline');
    expect(readModels.prepare('SELECT count(*) AS n FROM workload_deadlines WHERE project_id = ?').get(id)).toEqual({ n: 0 });

    // The holder and finance read it in the project's history, as the auditor does.
    for (const token of [a.holder, a.finance, a.auditor]) {
      const history = await api.request('GET', `/projects/${id}/history`, { token });
      expect(history.status).toBe(200);
      const summaries = (history.body.events as { summary: string }[]).map((e) => e.summary);
      expect(summaries).toContain('Rappel : l’échéance « transmission du compte rendu financier » tombe le 01/07/2024');
      expect(summaries).toContain(
        'Mise en demeure par deadline-scheduler (système) : compte rendu financier non transmis à l’échéance du 01/07/2024',
      );
    }
    expect((await api.health()).body.details['process.report_deadline']).toMatchObject({ state: 'running', lag: 0 });
  });

  it('transmitted in time: the report lifts the deadline in the same decision; no reminder, no formal notice', async () => {
    const id = await financedWithItsDeadline('Une chorale');

    moveClockTo('2024-04-15T08:00:00.000Z');
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Trois concerts donnés par la chorale', spentAmountCents: 395_000 },
    });
    const lifted = (await store(api).readStream(`project-${id}`)).slice(-2);
    expect(lifted.map((e) => e.type)).toEqual(['project.final_report_submitted', 'project.deadline_cancelled']);
    expect(lifted[1]!.data).toMatchObject({ deadlineId: deadlineId(id), cancelledBy: 'submit_final_report' });

    moveClockTo('2024-07-02T06:00:00.000Z');
    expect(await tick()).toEqual([]);
    expect(deadlines(api).pending()).toEqual([]);
    const types = await eventTypes(api, id);
    expect(count(types, 'project.deadline_reminder_due')).toBe(0);
    expect(count(types, 'project.report_formal_notice')).toBe(0);
    expect(await project(id)).not.toHaveProperty('reportDeadline');
  });

  it('the signed act cancelled before its EJ: its deadline is lifted by the process', async () => {
    await boot();
    const id = await validatedEducationProject(api, a, 400_000, 400_000, 'Un potager');
    await signedAwardAct(api, a, id);
    await tick();
    const cancelled = await api.request('POST', `/projects/${id}/award-act/cancel`, {
      token: a.finance,
      body: { reason: 'Erreur sur l’organisme payeur' },
    });
    expect(cancelled.status).toBe(200);
    await tick();
    expect(deadlines(api).pending()).toEqual([]);
    const [last] = (await store(api).readStream(`project-${id}`)).slice(-1);
    expect(last).toMatchObject({ type: 'project.deadline_cancelled', data: { cancelledBy: 'cancel_report_deadline' } });
    expect(last!.metadata).toMatchObject({ actorId: 'report-deadline-process', role: 'system' });
  });

  it('a withdrawal before any payment: nothing to account for, the funding process lifts the deadline', async () => {
    const id = await financedWithItsDeadline('Une sortie au planétarium');
    await transition(api, a.holder, id, 'withdraw', { reason: 'Sortie annulée par le planétarium' });
    await (api.app.get(FundingProcessRunner) as FundingProcessRunner).caughtUp();
    await tick();
    expect(deadlines(api).pending()).toEqual([]);
    const lifted = (await store(api).readStream(`project-${id}`)).filter((e) => e.type === 'project.deadline_cancelled');
    expect(lifted.at(-1)!.metadata).toMatchObject({ role: 'system' });
    expect(lifted.at(-1)!.data).toMatchObject({ cancelledBy: 'cancel_report_deadline' });
  });
});

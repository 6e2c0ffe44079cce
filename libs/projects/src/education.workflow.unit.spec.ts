import { v1ProjectDecider } from './project.fixture.js';
import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import type { ProjectCommand } from './project.commands.js';
import { LAPSE_REASON } from './programs/program.guards.js';
import {
  CODES,
  PID,
  T0,
  commandFor,
  completeDossier,
  ctx,
  day,
  declare,
  eduValidator,
  finance,
  historyTo,
  owner,
  pathTo,
  play,
  system,
} from './project.fixture.js';

const spec = deciderSpecification(v1ProjectDecider);
/** The end of Wednesday 1 April 2026 in Paris (summer time): when a completion asked at T0 lapses. */
const DUE_AT = '2026-04-01T22:00:00.000Z';
const edu = (type: string, now = T0) => commandFor('education', type, now);

describe('education (FIP): given / when / then', () => {
  it('declaring an intention creates the project under the latest definition version', () => {
    spec
      .given([])
      .when(declare('education'))
      .then([
        {
          type: 'project.intention_declared',
          data: {
            projectId: PID,
            program: 'education',
            workflow: { id: 'cnr-education', version: 1 },
            state: 'intention',
            declarant: 'holder-1',
            title: 'Un jardin pédagogique',
            description: 'Concertation avec les élèves et les familles',
            territory: { region: CODES.region, departement: CODES.departement, communeCode: CODES.commune, academie: CODES.academie },
            holder: { organisationId: CODES.uai, name: 'École de Bar-le-Duc' },
            partners: [{ name: 'Mairie de Bar-le-Duc', kind: 'collectivite' }],
            at: T0.toISOString(),
          },
        },
      ]);
  });

  it('a project is declared once', () => {
    spec.given(historyTo('education', 'intention')).when(declare('education')).thenThrows('PROJECT_ALREADY_EXISTS');
  });

  it('only a holder declares', () => {
    spec
      .given([])
      .when({ ...declare('education'), ctx: ctx(eduValidator) } as ProjectCommand)
      .thenThrows('PROJECT_ROLE_NOT_ALLOWED');
  });

  it('submitting needs a complete dossier (required fields), then deposits it', () => {
    spec
      .given(historyTo('education', 'drafting'))
      .when(edu('submit'))
      .thenThrows('PROJECT_FIELD_REQUIRED', { field: 'requestedAmountCents', rule: 'required' });
    spec
      .given(play([declare('education'), edu('start_drafting'), completeDossier()]).events)
      .when(edu('submit'))
      .then([
        {
          type: 'project.submitted',
          data: { from: 'drafting', to: 'submitted', by: { id: 'holder-1', role: 'holder' }, at: T0.toISOString() },
        },
      ]);
  });

  it('submitting refuses a request above the total budget (guard)', () => {
    const over: ProjectCommand = {
      ...completeDossier(),
      changes: { requestedAmountCents: 2_000_000, budgetLines: [{ label: 'x', amountCents: 1 }] },
    } as ProjectCommand;
    spec
      .given(play([declare('education'), edu('start_drafting'), over]).events)
      .when(edu('submit'))
      .thenThrows('PROJECT_GUARD_FAILED', { guard: 'budget_covers_request' });
  });

  it('requesting completion records the reason and opens the 30-day completion deadline', () => {
    spec
      .given(historyTo('education', 'under_analysis'))
      .when({ ...edu('request_completion'), reason: 'Budget détaillé manquant' } as ProjectCommand)
      .then([
        {
          type: 'project.completion_requested',
          data: {
            from: 'under_analysis',
            to: 'completion_requested',
            reason: 'Budget détaillé manquant',
            by: { id: eduValidator.id, role: 'validator' },
            at: T0.toISOString(),
          },
        },
        {
          type: 'project.deadline_opened',
          data: {
            deadlineId: `${PID}/completion/1`,
            name: 'completion',
            subjectId: PID,
            openedAt: T0.toISOString(),
            onExpiry: { command: 'lapse', reason: LAPSE_REASON },
            // Monday 2 March 2026 + 30 days, in Meuse (zone B: no school holidays between): Wednesday 1 April, Paris time.
            dueAt: DUE_AT,
            dueDay: '2026-04-01',
            timeZone: 'Europe/Paris',
            remindAt: '2026-03-25T23:00:00.000Z',
            suspendedDays: 0,
            schoolCalendarUnknown: false,
          },
        },
      ]);
  });

  it('the holder completes and resubmits: the deadline is cancelled', () => {
    const history = historyTo('education', 'completion_requested');
    spec
      .given(history)
      .when(edu('resubmit', day(3)))
      .then([
        {
          type: 'project.resubmitted',
          data: { from: 'completion_requested', to: 'submitted', by: { id: 'holder-1', role: 'holder' }, at: day(3).toISOString() },
        },
        {
          type: 'project.deadline_cancelled',
          data: {
            deadlineId: `${PID}/completion/1`,
            name: 'completion',
            subjectId: PID,
            cancelledBy: 'resubmit',
            at: day(3).toISOString(),
          },
        },
      ]);
  });

  it('when the completion deadline passes, the project lapses to withdrawn', () => {
    const expire: ProjectCommand = {
      type: 'expire_deadline',
      projectId: PID,
      deadlineId: `${PID}/completion/1`,
      ctx: ctx(system, new Date(DUE_AT)),
    };
    spec
      .given(historyTo('education', 'completion_requested'))
      .when(expire)
      .then([
        {
          type: 'project.deadline_expired',
          data: {
            deadlineId: `${PID}/completion/1`,
            name: 'completion',
            subjectId: PID,
            dueAt: DUE_AT,
            at: DUE_AT,
          },
        },
        {
          type: 'project.lapsed',
          data: {
            from: 'completion_requested',
            to: 'withdrawn',
            reason: LAPSE_REASON,
            by: { id: system.id, role: 'system' },
            at: DUE_AT,
          },
        },
      ]);
    spec
      .given(historyTo('education', 'completion_requested'))
      .when({ ...expire, ctx: ctx(system, new Date(Date.parse(DUE_AT) - 1)) })
      .thenThrows('PROJECT_DEADLINE_NOT_DUE');
    spec
      .given(play([...pathTo('education', 'completion_requested'), edu('withdraw')]).events)
      .when(expire)
      .then([]);
  });

  it('validation carries the granted amount (integer cents, at most the request)', () => {
    spec
      .given(historyTo('education', 'under_analysis'))
      .when(edu('validate'))
      .then([
        {
          type: 'project.validated',
          data: {
            from: 'under_analysis',
            to: 'validated',
            reason: 'Projet conforme',
            grantedAmountCents: 1_000_000,
            by: { id: eduValidator.id, role: 'validator' },
            at: T0.toISOString(),
          },
        },
      ]);
    for (const bad of [12.5, -1, '100', 1_250_001]) {
      spec
        .given(historyTo('education', 'under_analysis'))
        .when({ ...edu('validate'), grantedAmountCents: bad } as ProjectCommand)
        .thenThrows('PROJECT_INVALID_FIELD', { field: 'grantedAmountCents' });
    }
    expect(play(pathTo('education', 'validated')).state).toMatchObject({ status: 'validated', grantedAmountCents: 1_000_000 });
  });

  it('reject then reopen (validator, with a reason) sends the project back to analysis', () => {
    spec
      .given(historyTo('education', 'rejected'))
      .when({ ...edu('reopen'), reason: 'Pièce retrouvée' } as ProjectCommand)
      .then([
        {
          type: 'project.reopened',
          data: {
            from: 'rejected',
            to: 'under_analysis',
            reason: 'Pièce retrouvée',
            by: { id: eduValidator.id, role: 'validator' },
            at: T0.toISOString(),
          },
        },
      ]);
  });

  it('the holder withdraws from any non-final state; a withdrawal during completion cancels the deadline', () => {
    spec
      .given(historyTo('education', 'completion_requested'))
      .when(edu('withdraw'))
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['project.withdrawn', 'project.deadline_cancelled']);
      });
    spec.given(historyTo('education', 'closed')).when(edu('withdraw')).thenThrows('PROJECT_ILLEGAL_TRANSITION', { state: 'closed' });
  });

  it('financing starts with the commitment reference; closing needs the final report', () => {
    spec
      .given(historyTo('education', 'validated'))
      .when({ ...edu('start_financing'), commitmentRef: '  ' } as ProjectCommand)
      .thenThrows('PROJECT_INPUT_REQUIRED', { field: 'commitmentRef' });
    spec
      .given(historyTo('education', 'validated'))
      .when(edu('start_financing'))
      .then((events) => {
        expect(events[0]).toMatchObject({
          type: 'project.financing_started',
          data: { to: 'financing', commitmentRef: 'EJ-2026-0042', by: { id: finance.id, role: 'finance' } },
        });
      });
    spec
      .given(historyTo('education', 'financing'))
      .when(edu('close'))
      .thenThrows('PROJECT_GUARD_FAILED', { guard: 'final_report_submitted' });
    spec
      .given(historyTo('education', 'financing'))
      .when({ ...edu('submit_final_report'), report: { summary: 'x', spentAmountCents: 1.5 } } as ProjectCommand)
      .thenThrows('PROJECT_INVALID_FIELD', { field: 'report.spentAmountCents' });
    expect(play(pathTo('education', 'closed')).state).toMatchObject({
      status: 'closed',
      commitmentRef: 'EJ-2026-0042',
      finalReport: { summary: 'Bilan' },
    });
  });

  it('the holder acts only on their own project and the validator only in their académie', () => {
    expect(owner.id).toBe('holder-1');
    spec
      .given(historyTo('education', 'submitted'))
      .when({ ...edu('start_analysis'), ctx: ctx({ ...eduValidator, scope: { regions: [CODES.region] } }) } as ProjectCommand)
      .thenThrows('PROJECT_OUT_OF_TERRITORY');
  });
});

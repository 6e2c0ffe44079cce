import { v1ProjectDecider } from './project.fixture.js';
import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import type { ProjectCommand } from './project.commands.js';
import {
  CODES,
  T0,
  arsValidator,
  commandFor,
  ctsValidator,
  ctx,
  declare,
  historyTo,
  pathTo,
  play,
  eduValidator,
} from './project.fixture.js';

const spec = deciderSpecification(v1ProjectDecider);
const health = (type: string, now = T0) => commandFor('health', type, now);

describe('health (FIR): given / when / then', () => {
  it('declares under the health definition with a FINESS holder and an ARS/CTS territory', () => {
    spec
      .given([])
      .when(declare('health'))
      .then((events) => {
        expect(events[0]).toMatchObject({
          type: 'project.intention_declared',
          data: {
            program: 'health',
            workflow: { id: 'cnr-health', version: 1 },
            holder: { organisationId: CODES.finess },
            territory: { region: CODES.region, cts: CODES.cts },
          },
        });
        expect((events[0]!.data as { territory: object }).territory).not.toHaveProperty('academie');
      });
  });

  it('after analysis, the project goes to the territorial health council (CTS)', () => {
    spec
      .given(historyTo('health', 'under_analysis'))
      .when(health('refer_to_cts'))
      .then([
        {
          type: 'project.referred_to_cts',
          data: { from: 'under_analysis', to: 'cts_review', by: { id: arsValidator.id, role: 'validator' }, at: T0.toISOString() },
        },
      ]);
  });

  it('the ARS cannot decide before the CTS opinion is recorded', () => {
    spec
      .given(historyTo('health', 'cts_review'))
      .when(health('validate'))
      .thenThrows('PROJECT_GUARD_FAILED', { guard: 'cts_opinion_recorded' });
    spec
      .given(historyTo('health', 'cts_review'))
      .when(health('reject'))
      .thenThrows('PROJECT_GUARD_FAILED', { guard: 'cts_opinion_recorded' });
    spec
      .given(historyTo('health', 'under_analysis'))
      .when(health('validate'))
      .thenThrows('PROJECT_ILLEGAL_TRANSITION', { state: 'under_analysis' });
  });

  it('a validator records the CTS opinion, favourable or not, with its reasons', () => {
    const opinion = { ...health('record_cts_opinion'), favourable: false, reason: 'Doublon avec un projet voisin' } as ProjectCommand;
    spec
      .given(historyTo('health', 'cts_review'))
      .when(opinion)
      .then([
        {
          type: 'project.cts_opinion_recorded',
          data: {
            from: 'cts_review',
            to: 'cts_review',
            reason: 'Doublon avec un projet voisin',
            favourable: false,
            by: { id: arsValidator.id, role: 'validator' },
            at: T0.toISOString(),
          },
        },
      ]);
    expect(play([...pathTo('health', 'cts_review'), opinion]).state).toMatchObject({
      status: 'cts_review',
      ctsOpinion: { favourable: false, reason: 'Doublon avec un projet voisin', by: arsValidator.id },
    });
    spec
      .given(historyTo('health', 'cts_review'))
      .when({ ...opinion, reason: undefined } as ProjectCommand)
      .thenThrows('PROJECT_REASON_REQUIRED', { field: 'reason' });
    spec
      .given(historyTo('health', 'cts_review'))
      .when({ ...opinion, favourable: 'yes' } as unknown as ProjectCommand)
      .thenThrows('PROJECT_INVALID_FIELD', { field: 'favourable' });
  });

  it('a CTS-scoped validator may act on projects of its CTS', () => {
    spec
      .given(historyTo('health', 'cts_review'))
      .when({ ...health('record_cts_opinion'), ctx: ctx(ctsValidator) } as ProjectCommand)
      .then((events) => {
        expect(events[0]!.data).toMatchObject({ by: { id: ctsValidator.id } });
      });
  });

  it('an education validator has no say on a health project', () => {
    spec
      .given(historyTo('health', 'submitted'))
      .when({ ...health('start_analysis'), ctx: ctx(eduValidator) } as ProjectCommand)
      .thenThrows('PROJECT_OUT_OF_TERRITORY');
  });

  it('the ARS validates after the opinion, with the granted amount', () => {
    spec
      .given(play([...pathTo('health', 'cts_review'), health('record_cts_opinion')]).events)
      .when(health('validate'))
      .then((events) => {
        expect(events).toEqual([
          {
            type: 'project.validated',
            data: {
              from: 'cts_review',
              to: 'validated',
              reason: 'Projet conforme',
              grantedAmountCents: 1_000_000,
              by: { id: arsValidator.id, role: 'validator' },
              at: T0.toISOString(),
            },
          },
        ]);
      });
  });

  it('reopening a rejected project starts a new analysis; the next CTS round needs a new opinion', () => {
    const reopened = play([...pathTo('health', 'rejected'), health('reopen'), health('refer_to_cts')]);
    expect(reopened.state).toMatchObject({ status: 'cts_review' });
    expect(reopened.state).not.toHaveProperty('ctsOpinion');
    spec.given(reopened.events).when(health('validate')).thenThrows('PROJECT_GUARD_FAILED');
  });

  it('the holder withdraws during the CTS review', () => {
    spec
      .given(historyTo('health', 'cts_review'))
      .when(health('withdraw'))
      .then((events) => {
        expect(events[0]).toMatchObject({ data: { from: 'cts_review', to: 'withdrawn' } });
      });
  });
});

import { describe, expect, it } from '@jest/globals';
import type { Actor, DomainEvent } from '#kernel';
import { deciderSpecification } from '#testing';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';
import { CODES, PID, T0, commandFor, completeDossier, ctx, declare, play, validatorOf } from './project.fixture.js';
import type { DecisionSignature } from './project.signature.js';
import type { Program } from './project.state.js';

/** v2 (the latest): the instructeur closes the analysis, a decider signs. */
const spec = deciderSpecification(projectDecider);
const recteur: Actor = { id: 'recteur-nancy-metz', role: 'decider', scope: { academies: [CODES.academie] }, capacity: 'recteur' };
const recteurElsewhere: Actor = { id: 'recteur-lyon', role: 'decider', scope: { academies: ['10'] }, capacity: 'recteur' };
const dgArs: Actor = { id: 'dg-ars-grand-est', role: 'decider', scope: { regions: [CODES.region] }, capacity: 'dg_ars' };
const signature: DecisionSignature = {
  signatory: 'recteur-nancy-metz',
  capacity: 'recteur',
  departureReason: 'Sans passage en commission',
};

/** The commands leading a new (v2) project to « analysed ». */
function toAnalysed(program: Program): ProjectCommand[] {
  const c = (type: string) => commandFor(program, type);
  return [
    declare(program),
    c('start_drafting'),
    completeDossier(),
    c('submit'),
    c('start_analysis'),
    { projectId: PID, type: 'complete_analysis', ctx: ctx(validatorOf(program)), reason: 'Dossier complet, avis favorable' },
  ];
}
const analysed = (program: Program): DomainEvent[] => play(toAnalysed(program), projectDecider).events;
const decision = (type: 'validate' | 'reject' | 'return_to_instruction', who: Actor, signed?: DecisionSignature): ProjectCommand =>
  ({
    projectId: PID,
    type,
    ctx: ctx(who),
    reason: 'Décision motivée',
    ...(type === 'validate' ? { grantedAmountCents: 1_000_000 } : {}),
    ...(signed ? { signature: signed } : {}),
  }) as ProjectCommand;

describe('workflow v2 (education): analysis closed, then a signed decision', () => {
  it('a new project starts on v2; closing the analysis leads to « analysed »', () => {
    const events = analysed('education');
    expect(events[0]!.data).toMatchObject({ workflow: { id: 'cnr-education', version: 2 } });
    expect(events.at(-1)).toMatchObject({ type: 'project.analysis_completed', data: { from: 'under_analysis', to: 'analysed' } });
  });

  it('an instructeur no longer validates: the decider role signs', () => {
    spec
      .given(analysed('education'))
      .when(decision('validate', validatorOf('education'), signature))
      .thenThrows('PROJECT_ROLE_NOT_ALLOWED');
  });

  it('a decision without its signature is refused (the application stamps it once the authority is checked)', () => {
    spec.given(analysed('education')).when(decision('validate', recteur)).thenThrows('PROJECT_INPUT_REQUIRED');
  });

  it('the recteur signs within the académie: the validation records the signature', () => {
    spec
      .given(analysed('education'))
      .when(decision('validate', recteur, signature))
      .then([
        {
          type: 'project.validated',
          data: {
            from: 'analysed',
            to: 'validated',
            reason: 'Décision motivée',
            by: { id: 'recteur-nancy-metz', role: 'decider' },
            at: T0.toISOString(),
            grantedAmountCents: 1_000_000,
            signature,
          },
        },
      ]);
  });

  it('a decider of another académie is out of territory', () => {
    spec
      .given(analysed('education'))
      .when(decision('reject', recteurElsewhere, signature))
      .thenThrows('PROJECT_OUT_OF_TERRITORY');
  });

  it('the dossier can be sent back to instruction, signed', () => {
    spec
      .given(analysed('education'))
      .when(decision('return_to_instruction', recteur, signature))
      .then([
        {
          type: 'project.returned_to_instruction',
          data: expect.objectContaining({ from: 'analysed', to: 'under_analysis', signature }) as never,
        },
      ]);
  });
});

describe('workflow v2 (health): the CTS takes part as the ARS sets it', () => {
  const dgSignature = { ...signature, signatory: 'dg-ars-grand-est', capacity: 'dg_ars' };

  it('Grand Est hears the CTS on each project: no decision before its opinion', () => {
    spec
      .given(analysed('health'))
      .when(decision('validate', dgArs, dgSignature))
      .thenThrows('PROJECT_GUARD_FAILED');
  });

  it('once the CTS has given its opinion, the DG ARS signs', () => {
    const c = (type: string) => commandFor('health', type);
    const heard = play([...toAnalysed('health'), c('refer_to_cts'), c('record_cts_opinion')], projectDecider);
    expect(heard.state).toMatchObject({ status: 'cts_review' });
    spec
      .given(heard.events)
      .when(decision('validate', dgArs, dgSignature))
      .then([expect.objectContaining({ type: 'project.validated' }) as never]);
  });

  it('Hauts-de-France selects upstream: no opinion is asked before the decision', () => {
    const hdf = analysed('health').map((e) =>
      e.type === 'project.intention_declared'
        ? { ...e, data: { ...(e.data as object), territory: { region: '32', departement: '59', cts: 'CTS-32-59-1' } } }
        : e,
    );
    const dgHdf: Actor = { id: 'dg-ars-hdf', role: 'decider', scope: { regions: ['32'] }, capacity: 'dg_ars' };
    spec
      .given(hdf)
      .when(decision('validate', dgHdf, { ...signature, signatory: 'dg-ars-hdf', capacity: 'dg_ars' }))
      .then([expect.objectContaining({ type: 'project.validated' }) as never]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#kernel';
import { actKindOfDecision } from './act-kinds.js';
import { parisDayOf } from './iso-day.js';
import { signingAuthority } from './signing-authority.js';
import type { SignedAct, Signer } from './signing.types.js';
import { ARRETE, delegation, dgArsGrandEst, iaDasenMeuse, recteurNancyMetz } from '../test/delegation.fixtures.js';

const recteur: Signer = { personId: recteurNancyMetz.id, capacity: 'recteur', scope: recteurNancyMetz.scope };
const iaDasen: Signer = { personId: iaDasenMeuse.id, capacity: 'ia_dasen', scope: iaDasenMeuse.scope };
const dgArs: Signer = { personId: dgArsGrandEst.id, capacity: 'dg_ars', scope: dgArsGrandEst.scope };
const act = (over: Partial<SignedAct> = {}): SignedAct => ({
  kind: 'decision.validate',
  program: 'education',
  departement: '55',
  on: '2023-10-12',
  ...over,
});

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the signature was accepted');
}

describe('signingAuthority: an authority in its own right', () => {
  it('the recteur of Nancy-Metz signs for any of its départements (54, 55, 57, 88) without a delegation', () => {
    for (const departement of ['54', '55', '57', '88']) {
      expect(signingAuthority(recteur, act({ departement }), [])).toEqual({ capacity: 'recteur' });
    }
  });

  it('the DG of ARS Grand Est signs health acts of the région, spending acts included', () => {
    expect(signingAuthority(dgArs, act({ program: 'health', departement: '67', kind: 'payment.order' }), [])).toEqual({
      capacity: 'dg_ars',
    });
  });

  it('outside its territory or its administration, an authority is refused, naming the territory', () => {
    const strasbourg = refusal(() => signingAuthority(recteur, act({ departement: '67' }), []));
    expect(strasbourg).toMatchObject({ category: 'forbidden', code: 'SIGNATURE_NOT_COVERED', details: { missing: ['territory'] } });
    expect(strasbourg.message).toContain('Bas-Rhin (67)');
    const health = refusal(() => signingAuthority(recteur, act({ program: 'health' }), []));
    expect(health.details).toMatchObject({ missing: ['territory'] });
    expect(health.message).toContain('les projets santé du département Meuse (55)');
  });
});

describe('signingAuthority: a delegate under a delegation', () => {
  it('the IA-DASEN of Meuse signs a Meuse decision under the delegation, which is named with its arrêté and authority', () => {
    expect(signingAuthority(iaDasen, act(), [delegation()])).toEqual({
      capacity: 'ia_dasen',
      delegationId: 'deleg-2023-45',
      actReference: ARRETE,
      authority: { personId: recteurNancyMetz.id, capacity: 'recteur', territory: { kind: 'academie', code: '12' } },
    });
  });

  it('without any delegation: 403 « aucune délégation de signature », missing delegation', () => {
    const e = refusal(() => signingAuthority(iaDasen, act(), []));
    expect(e.details).toMatchObject({ missing: ['delegation'], signer: iaDasen.personId, capacity: 'ia_dasen' });
    expect(e.message).toContain('aucune délégation de signature');
  });

  it('a delegation naming someone else, or the same person in another capacity, is not theirs', () => {
    expect(
      refusal(() => signingAuthority(iaDasen, act(), [delegation({ delegate: { personId: 'ia-dasen-57', capacity: 'ia_dasen' } })]))
        .details,
    ).toMatchObject({ missing: ['delegation'] });
    const asSecretary: Signer = { ...iaDasen, capacity: 'secretaire_general_academie' };
    expect(refusal(() => signingAuthority(asSecretary, act(), [delegation()])).details).toMatchObject({ missing: ['delegation'] });
  });

  it('a Moselle project: « ne couvre pas le département Moselle (57) », missing territory', () => {
    const e = refusal(() => signingAuthority(iaDasen, act({ departement: '57' }), [delegation()]));
    expect(e.details).toMatchObject({ missing: ['territory'], delegationId: 'deleg-2023-45' });
    expect(e.message).toBe(
      `Votre délégation de signature deleg-2023-45 (${ARRETE}) ne couvre pas les projets éducation du département Moselle (57).`,
    );
  });

  it('a payment order under a delegation for decisions: missing act_kind', () => {
    const e = refusal(() => signingAuthority(iaDasen, act({ kind: 'payment.order' }), [delegation()]));
    expect(e.details).toMatchObject({ missing: ['act_kind'] });
    expect(e.message).toContain('ne couvre pas l’ordre de payer');
  });

  it('bounds are inclusive; before the start or after a revocation: missing date, with the end in the sentence', () => {
    const revoked = delegation({ revocation: { endsOn: '2024-01-31', reason: 'Mutation', by: { id: 'r', role: 'decider' }, at: 'x' } });
    expect(signingAuthority(iaDasen, act({ on: '2023-09-01' }), [revoked]).delegationId).toBe('deleg-2023-45');
    expect(signingAuthority(iaDasen, act({ on: '2024-01-31' }), [revoked]).delegationId).toBe('deleg-2023-45');
    const early = refusal(() => signingAuthority(iaDasen, act({ on: '2023-08-31' }), [revoked]));
    expect(early.details).toMatchObject({ missing: ['date'] });
    expect(early.message).toContain('n’était pas encore valide le 31/08/2023 (à compter du 01/09/2023)');
    const late = refusal(() => signingAuthority(iaDasen, act({ on: '2024-02-01' }), [revoked]));
    expect(late.details).toMatchObject({ missing: ['date'] });
    expect(late.message).toContain('n’était plus valide le 01/02/2024 (révoquée, fin le 31/01/2024)');
  });

  it('names every gap of the closest delegation, and what each of the signer’s delegations lacks', () => {
    const payments = delegation({
      delegationId: 'deleg-b',
      actKinds: ['payment.order'],
      territories: [{ kind: 'departement', code: '57' }],
    });
    const e = refusal(() => signingAuthority(iaDasen, act({ departement: '57', on: '2023-08-01' }), [delegation(), payments]));
    expect(e.details).toMatchObject({
      missing: ['territory', 'date'],
      delegationId: 'deleg-2023-45',
      delegations: [
        { delegationId: 'deleg-2023-45', missing: ['territory', 'date'] },
        { delegationId: 'deleg-b', missing: ['act_kind', 'date'] },
      ],
    });
    expect(e.message).toContain('ne couvre pas les projets éducation du département Moselle (57) et n’était pas encore valide');
  });

  it('a delegation on the académie covers its départements; on a département only that one', () => {
    const secretary: Signer = { personId: 'sg-nancy-metz', capacity: 'secretaire_general_academie', scope: {} };
    const academy = delegation({
      delegationId: 'deleg-sg',
      delegate: { personId: 'sg-nancy-metz', capacity: 'secretaire_general_academie' },
      territories: [{ kind: 'academie', code: '12' }],
    });
    for (const departement of ['54', '55', '57', '88'])
      expect(signingAuthority(secretary, act({ departement }), [academy]).delegationId).toBe('deleg-sg');
    expect(refusal(() => signingAuthority(secretary, act({ departement: '67' }), [academy])).details).toMatchObject({
      missing: ['territory'],
    });
  });

  it('of several covering delegations, the latest arrêté (then the smallest id) is used, whatever their order', () => {
    const older = delegation({ delegationId: 'deleg-a', validFrom: '2022-09-01' });
    const newer = delegation({ delegationId: 'deleg-z', validFrom: '2023-09-01' });
    const twin = delegation({ delegationId: 'deleg-m', validFrom: '2023-09-01' });
    expect(signingAuthority(iaDasen, act(), [older, newer, twin]).delegationId).toBe('deleg-m');
    expect(signingAuthority(iaDasen, act(), [twin, newer, older]).delegationId).toBe('deleg-m');
    expect(signingAuthority(iaDasen, act({ on: '2023-01-10' }), [twin, newer, older]).delegationId).toBe('deleg-a');
  });
});

describe('dates and act kinds', () => {
  it('an act is dated by its day in Paris: 22:30 UTC on 31 August 2023 is 1 September', () => {
    expect(parisDayOf('2023-08-31T22:30:00.000Z')).toBe('2023-09-01');
    expect(parisDayOf(new Date('2024-01-31T22:59:59.000Z'))).toBe('2024-01-31');
  });

  it('a decision command signs its act kind', () => {
    expect(actKindOfDecision('validate')).toBe('decision.validate');
    expect(actKindOfDecision('reject')).toBe('decision.reject');
    expect(actKindOfDecision('return_to_instruction')).toBe('decision.return_to_instruction');
  });

  it('refuses an act that is not dated by an ISO day (a programming error of the caller)', () => {
    expect(refusal(() => signingAuthority(iaDasen, act({ on: '2023-10-12T10:00:00Z' }), [delegation()])).code).toBe(
      'SIGNATURE_INVALID_ACT',
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { delegationDecider } from './delegation.decider.js';
import {
  GRAND_EST,
  admin,
  at,
  auditor,
  dgArsGrandEst,
  grantToMeuse,
  grantedToMeuse,
  iaDasenMeuse,
  recteurNancyMetz,
  revokedOn,
  validatorNancyMetz,
} from '../test/delegation.fixtures.js';

const spec = deciderSpecification(delegationDecider);
const revoke = (endsOn: string, actor = recteurNancyMetz, reason = 'Fin de fonctions de l’IA-DASEN') => ({
  type: 'RevokeDelegation' as const,
  delegationId: 'deleg-2023-45',
  endsOn,
  reason,
  ctx: at(actor, '2024-01-15T09:00:00.000Z'),
});

describe('delegation: grant', () => {
  it('the recteur of Nancy-Metz delegates the decisions on Meuse projects to the IA-DASEN of Meuse', () => {
    spec.given([]).when(grantToMeuse()).then([grantedToMeuse()]);
  });

  it('an admin records the arrêté on the recteur’s behalf; the event says who recorded it', () => {
    spec
      .given([])
      .when(grantToMeuse({ ctx: at(admin) }))
      .then([grantedToMeuse({ by: { id: admin.id, role: 'admin' } })]);
  });

  it('an open-ended delegation (until revoked) is recorded with validUntil null; act kinds in the list’s order, once each', () => {
    spec
      .given([])
      .when(grantToMeuse({ validUntil: undefined, actKinds: ['decision.reject', 'decision.validate', 'decision.reject'] }))
      .then([grantedToMeuse({ validUntil: null, actKinds: ['decision.validate', 'decision.reject'] })]);
  });

  it('the DG of ARS Grand Est delegates to its délégué territorial of Moselle, spending acts included', () => {
    spec
      .given([])
      .when(
        grantToMeuse({
          authority: { personId: dgArsGrandEst.id, capacity: 'dg_ars', territory: { kind: 'region', code: GRAND_EST } },
          delegate: { personId: 'dt-57', capacity: 'delegue_territorial' },
          territories: [{ kind: 'departement', code: '57' }],
          actKinds: ['decision.validate', 'award_act.sign', 'payment.order'],
          ctx: at(dgArsGrandEst),
        }),
      )
      .then(([e]) => expect(e).toMatchObject({ type: 'delegation.granted', data: { territories: [{ kind: 'departement', code: '57' }] } }));
  });

  it('nobody else grants: not the delegate, not a validator, not an auditor, not another recteur’s scope', () => {
    for (const actor of [iaDasenMeuse, validatorNancyMetz, auditor, { ...recteurNancyMetz, scope: { academies: ['15'] } }]) {
      spec
        .given([])
        .when(grantToMeuse({ ctx: at(actor) }))
        .thenThrows('DELEGATION_FORBIDDEN');
    }
  });

  it('refuses a territory outside the authority’s: Bas-Rhin (67) is in the académie de Strasbourg', () => {
    spec
      .given([])
      .when(grantToMeuse({ territories: [{ kind: 'departement', code: '67' }] }))
      .thenThrows('DELEGATION_INVALID_FIELD', { field: 'territories.0.code', rule: 'within-authority-territory' });
  });

  it('refuses an IA-DASEN’s delegation over a whole académie: an IA-DASEN’s is a département', () => {
    spec
      .given([])
      .when(grantToMeuse({ territories: [{ kind: 'academie', code: '12' }] }))
      .thenThrows('DELEGATION_INVALID_FIELD', { field: 'territories.0.kind', rule: 'one-of:departement' });
  });

  it('refuses unknown act kinds, an empty list, reversed dates, a délégué territorial for a recteur, self-delegation', () => {
    const cases: [Parameters<typeof grantToMeuse>[0], Record<string, unknown>][] = [
      [{ actKinds: ['decision.validate', 'decision.sign_everything'] }, { field: 'actKinds.1' }],
      [{ actKinds: [] }, { field: 'actKinds', rule: 'non-empty' }],
      [
        { validFrom: '2024-09-01', validUntil: '2024-08-31' },
        { field: 'validUntil', rule: 'not-before-validFrom' },
      ],
      [{ validFrom: '2023-02-30' }, { field: 'validFrom', rule: 'iso-day' }],
      [{ delegate: { personId: 'dt-55', capacity: 'delegue_territorial' } }, { field: 'delegate.capacity', rule: 'delegate-of:recteur' }],
      [{ delegate: { personId: recteurNancyMetz.id, capacity: 'ia_dasen' } }, { field: 'delegate.personId', rule: 'not-the-authority' }],
      [{ actReference: ' ' }, { field: 'actReference', rule: 'length-5-300' }],
    ];
    for (const [over, details] of cases) {
      spec.given([]).when(grantToMeuse(over)).thenThrows('DELEGATION_INVALID_FIELD', details);
    }
  });

  it('refuses an authority whose capacity does not hold that kind of territory (a recteur of a région)', () => {
    spec
      .given([])
      .when(grantToMeuse({ authority: { personId: recteurNancyMetz.id, capacity: 'recteur', territory: { kind: 'region', code: '44' } } }))
      .thenThrows('DELEGATION_INVALID_FIELD', { field: 'authority.territory.kind' });
  });

  it('a delegation is granted once', () => {
    spec.given([grantedToMeuse()]).when(grantToMeuse()).thenThrows('DELEGATION_EXISTS');
  });
});

describe('delegation: revoke', () => {
  it('the recteur ends the delegation earlier than planned', () => {
    spec
      .given([grantedToMeuse()])
      .when(revoke('2024-01-31'))
      .then([revokedOn('2024-01-31')]);
  });

  it('an end already past is recorded as dated (a departure from office recorded late): the acts signed meanwhile stay', () => {
    spec
      .given([grantedToMeuse()])
      .when({ ...revoke('2024-01-10'), ctx: at(admin, '2024-01-15T09:00:00.000Z') })
      .then(([e]) => expect(e).toMatchObject({ type: 'delegation.revoked', data: { endsOn: '2024-01-10', by: { role: 'admin' } } }));
  });

  it('an open-ended delegation is revoked at any date from its start', () => {
    spec
      .given([grantedToMeuse({ validUntil: null })])
      .when(revoke('2030-06-30'))
      .then(([e]) => expect(e).toMatchObject({ data: { endsOn: '2030-06-30' } }));
  });

  it('a revocation only shortens: not after the planned end, not before the start, not twice to the same or a later end', () => {
    spec.given([grantedToMeuse()]).when(revoke('2024-09-30')).thenThrows('DELEGATION_REVOCATION_NOT_EARLIER', { lastDay: '2024-08-31' });
    spec
      .given([grantedToMeuse()])
      .when(revoke('2023-08-31'))
      .thenThrows('DELEGATION_INVALID_FIELD', { field: 'endsOn', rule: 'not-before-validFrom' });
    spec
      .given([grantedToMeuse(), revokedOn('2024-01-31')])
      .when(revoke('2024-02-15'))
      .thenThrows('DELEGATION_ALREADY_REVOKED');
    spec
      .given([grantedToMeuse(), revokedOn('2024-01-31')])
      .when(revoke('2024-01-20'))
      .then(([e]) => expect(e).toMatchObject({ data: { endsOn: '2024-01-20' } }));
  });

  it('only the delegating authority or an admin revokes; the delegate cannot', () => {
    spec.given([grantedToMeuse()]).when(revoke('2024-01-31', iaDasenMeuse)).thenThrows('DELEGATION_FORBIDDEN');
    spec
      .given([grantedToMeuse()])
      .when(revoke('2024-01-31', admin))
      .then(([e]) => expect(e?.type).toBe('delegation.revoked'));
  });

  it('revokes only a granted delegation, with a reason', () => {
    spec.given([]).when(revoke('2024-01-31')).thenThrows('DELEGATION_NOT_FOUND');
    spec
      .given([grantedToMeuse()])
      .when(revoke('2024-01-31', recteurNancyMetz, ''))
      .thenThrows('DELEGATION_INVALID_FIELD', { field: 'reason' });
  });

  it('decides nothing on a stream holding an event type this version does not know', () => {
    spec
      .given([grantedToMeuse(), { type: 'delegation.suspended', data: {} } as never])
      .when(revoke('2024-01-31'))
      .thenThrows('DELEGATION_UNKNOWN_EVENTS');
  });
});

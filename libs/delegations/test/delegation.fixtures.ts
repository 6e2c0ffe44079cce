import type { Actor, CommandContext } from '#kernel';
import type { Delegation, DelegationEvent, GrantDelegation } from '#delegations';

/** The académie de Nancy-Metz ('12': Meurthe-et-Moselle 54, Meuse 55, Moselle 57, Vosges 88); ARS Grand Est (région 44). */
export const NANCY_METZ = '12';
export const GRAND_EST = '44';

export const recteurNancyMetz: Actor = { id: 'recteur-nancy-metz', role: 'decider', scope: { academies: [NANCY_METZ] } };
export const iaDasenMeuse: Actor = { id: 'ia-dasen-55', role: 'decider', scope: { departements: ['55'] } };
export const dgArsGrandEst: Actor = { id: 'dg-ars-grand-est', role: 'decider', scope: { regions: [GRAND_EST] } };
export const admin: Actor = { id: 'admin-1', role: 'admin', scope: {} };
export const auditor: Actor = { id: 'auditor-1', role: 'auditor', scope: {} };
export const validatorNancyMetz: Actor = { id: 'val-nancy-metz', role: 'validator', scope: { academies: [NANCY_METZ] } };

export const at = (actor: Actor, iso = '2023-09-01T08:00:00.000Z'): CommandContext => ({ actor, now: new Date(iso) });

export const ARRETE = 'Arrêté n° 2023-45 du 1er septembre 2023 portant délégation de signature';

/** The recteur of Nancy-Metz delegates the decisions on Meuse projects to the IA-DASEN of Meuse from 1 September 2023. */
export const grantToMeuse = (over: Partial<GrantDelegation> = {}): GrantDelegation => ({
  type: 'GrantDelegation',
  delegationId: 'deleg-2023-45',
  authority: { personId: recteurNancyMetz.id, capacity: 'recteur', territory: { kind: 'academie', code: NANCY_METZ } },
  delegate: { personId: iaDasenMeuse.id, capacity: 'ia_dasen' },
  territories: [{ kind: 'departement', code: '55' }],
  actKinds: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'],
  validFrom: '2023-09-01',
  validUntil: '2024-08-31',
  actReference: ARRETE,
  ctx: at(recteurNancyMetz),
  ...over,
});

export const grantedToMeuse = (over: Partial<Extract<DelegationEvent, { type: 'delegation.granted' }>['data']> = {}): DelegationEvent => ({
  type: 'delegation.granted',
  data: {
    delegationId: 'deleg-2023-45',
    authority: { personId: recteurNancyMetz.id, capacity: 'recteur', territory: { kind: 'academie', code: NANCY_METZ } },
    delegate: { personId: iaDasenMeuse.id, capacity: 'ia_dasen' },
    territories: [{ kind: 'departement', code: '55' }],
    actKinds: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'],
    validFrom: '2023-09-01',
    validUntil: '2024-08-31',
    actReference: ARRETE,
    reason: null,
    by: { id: recteurNancyMetz.id, role: 'decider' },
    at: '2023-09-01T08:00:00.000Z',
    ...over,
  },
});

export const revokedOn = (endsOn: string, reason = 'Fin de fonctions de l’IA-DASEN'): DelegationEvent => ({
  type: 'delegation.revoked',
  data: { delegationId: 'deleg-2023-45', endsOn, reason, by: { id: recteurNancyMetz.id, role: 'decider' }, at: '2024-01-15T09:00:00.000Z' },
});

/** A delegation as folded, for the signing rule's tests. */
export function delegation(over: Partial<Delegation> = {}): Delegation {
  return {
    delegationId: 'deleg-2023-45',
    authority: { personId: recteurNancyMetz.id, capacity: 'recteur', territory: { kind: 'academie', code: NANCY_METZ } },
    delegate: { personId: iaDasenMeuse.id, capacity: 'ia_dasen' },
    territories: [{ kind: 'departement', code: '55' }],
    actKinds: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'],
    validFrom: '2023-09-01',
    validUntil: null,
    actReference: ARRETE,
    reason: null,
    granted: { by: { id: recteurNancyMetz.id, role: 'decider' }, at: '2023-09-01T08:00:00.000Z' },
    revocation: null,
    ...over,
  };
}

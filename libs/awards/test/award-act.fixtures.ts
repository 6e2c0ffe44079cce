import type { Actor, CommandContext } from '#kernel';
import type { AwardActEvent, AwardActPayee } from '../src/award-act.events.js';
import { DEFAULT_CONVENTION_RULE } from '../src/award-act.form.js';
import type { DraftAwardAct } from '../src/award-act.decider.js';

/** The Meuse: académie de Nancy-Metz (12), région Grand Est (44). Projects and bodies as in the demo (fictitious ids). */
export const financeNancyMetz: Actor = { id: 'finance-nancy-metz', role: 'finance', scope: { academies: ['12'] } };
export const financeLille: Actor = { id: 'finance-lille', role: 'finance', scope: { academies: ['09'] } };
export const financeArsGrandEst: Actor = { id: 'finance-ars-grand-est', role: 'finance', scope: { regions: ['44'] } };
export const recteur: Actor = { id: 'recteur-nancy-metz', role: 'decider', scope: { academies: ['12'] }, capacity: 'recteur' };
export const validator: Actor = { id: 'val-nancy-metz', role: 'validator', scope: { academies: ['12'] } };
export const mspMember: Actor = { id: 'coord-msp-spincourt', role: 'holder', scope: {}, organisations: ['550999908'] };
export const otherHolder: Actor = { id: 'holder-other', role: 'holder', scope: {}, organisations: ['550999916'] };

export const at = (actor: Actor, iso = '2023-06-12T08:00:00.000Z'): CommandContext => ({ actor, now: new Date(iso) });

/** École de Bar-le-Duc: paid through its commune (Bar-le-Duc, SIRET 215 500 299 00015 is the commune's, public law). */
export const communePayee: AwardActPayee = {
  organisationId: '21550029900015',
  name: 'Commune de Bar-le-Duc',
  siret: '21550029900015',
  legalStatus: 'public',
};
/** MSP de Spincourt (SISA, private law). */
export const mspPayee: AwardActPayee = {
  organisationId: '550999908',
  name: 'MSP de Spincourt',
  siret: '55099990800019',
  legalStatus: 'private',
};

export const schoolDraft = (over: Partial<DraftAwardAct> = {}): DraftAwardAct => ({
  type: 'DraftAwardAct',
  projectId: 'p-ecole-bar',
  envelopeId: 'fip-academie-12-2023',
  facts: {
    projectStatus: 'validated',
    decidedAmountCents: 1_200_000,
    beneficiaryId: '0550001A',
    payee: communePayee,
    envelopePeriod: { fromYear: 2023, toYear: 2023 },
    decisionYear: 2023,
    rule: DEFAULT_CONVENTION_RULE,
  },
  ctx: at(financeNancyMetz),
  ...over,
});

export const mspDraft = (amountCents: number, over: Partial<DraftAwardAct> = {}): DraftAwardAct => ({
  type: 'DraftAwardAct',
  projectId: 'p-msp-spincourt',
  envelopeId: 'fir-ars-44-2023',
  facts: {
    projectStatus: 'validated',
    decidedAmountCents: amountCents,
    beneficiaryId: '550999908',
    payee: mspPayee,
    envelopePeriod: { fromYear: 2023, toYear: 2023 },
    decisionYear: 2023,
    rule: DEFAULT_CONVENTION_RULE,
  },
  ctx: at(financeArsGrandEst),
  ...over,
});

export const schoolDrafted = (): AwardActEvent => ({
  type: 'award_act.drafted',
  data: {
    actId: 'AA-p-ecole-bar-1',
    projectId: 'p-ecole-bar',
    reference: 'AA-p-ecole-bar-1',
    form: 'arrete',
    beneficiaryId: '0550001A',
    payee: communePayee,
    amountCents: 1_200_000,
    decidedAmountCents: 1_200_000,
    envelopeId: 'fip-academie-12-2023',
    exercises: { first: 2023, last: 2023 },
    schedule: [
      { number: 1, kind: 'advance', amountCents: 600_000, condition: 'démarrage de l’action' },
      { number: 2, kind: 'balance', amountCents: 600_000, condition: 'compte rendu financier accepté' },
    ],
    reportDueOn: '2024-06-30',
    draftedBy: { id: 'finance-nancy-metz', role: 'finance' },
    at: '2023-06-12T08:00:00.000Z',
  },
});

export const recteurSignature = { signatory: 'recteur-nancy-metz', capacity: 'recteur' };

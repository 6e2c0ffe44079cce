import { type AwardActCommand, DEFAULT_CONVENTION_RULE, awardActDecider, awardActStreamOf } from '#awards';
import { type EventStore, handleCommand } from '#event-store';
import type { Actor } from '#kernel';
import { type ProjectCommand, projectDecider, streamIdOf } from '#projects';

const HOLDER: Actor = { id: 'bench-holder', role: 'holder', scope: {}, organisations: ['0550001C'] };
const VALIDATOR: Actor = { id: 'bench-validator', role: 'validator', scope: { academies: ['12'] } };
const RECTEUR: Actor = { id: 'recteur-12', role: 'decider', scope: { academies: ['12'] }, capacity: 'recteur' };
const FINANCE: Actor = { id: 'bench-finance-12', role: 'finance', scope: { academies: ['12'] } };
const SIGNATURE = { signatory: RECTEUR.id, capacity: 'recteur', departureReason: 'Sans passage en commission' };
const PAYEE = { organisationId: '21550029900015', name: 'Commune de Bar-le-Duc', siret: '21550029900015', legalStatus: 'public' as const };

/**
 * A validated project of the académie de Nancy-Metz with its signed award act on `envelopeId`, written through the deciders
 * straight to the store (what the API's handlers would write, without the HTTP round trips): a commitment needs one each.
 */
export async function awardedProject(
  store: EventStore,
  id: string,
  envelopeId: string,
  period: { fromYear: number; toYear: number },
  now: Date,
) {
  const as = (actor: Actor) => ({ projectId: id, ctx: { actor, now } });
  const project: ProjectCommand[] = [
    {
      type: 'declare_intention',
      ...as(HOLDER),
      program: 'education',
      title: `Projet de banc d’essai ${id}`,
      description: 'Concertation Notre école, faisons-la ensemble',
      territory: { region: '44', departement: '55', communeCode: '55029', academie: '12' },
      holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
      partners: [],
    },
    { type: 'start_drafting', ...as(HOLDER) },
    { type: 'edit_content', ...as(HOLDER), changes: { requestedAmountCents: 100, budgetLines: [{ label: 'Matériel', amountCents: 100 }] } },
    { type: 'submit', ...as(HOLDER) },
    { type: 'start_analysis', ...as(VALIDATOR) },
    { type: 'complete_analysis', ...as(VALIDATOR), reason: 'Instruction close' },
    { type: 'validate', ...as(RECTEUR), reason: 'Projet conforme', grantedAmountCents: 100, signature: SIGNATURE },
  ];
  for (const command of project) await handleCommand({ store, streamId: streamIdOf(id), decider: projectDecider, command, metadata: {} });
  const facts = {
    projectStatus: 'validated',
    decidedAmountCents: 100,
    beneficiaryId: '0550001C',
    payee: PAYEE,
    envelopePeriod: period,
    decisionYear: now.getUTCFullYear(),
    rule: DEFAULT_CONVENTION_RULE,
  };
  const exercises = { first: period.fromYear, last: period.fromYear };
  const act: AwardActCommand[] = [
    { type: 'DraftAwardAct', projectId: id, envelopeId, exercises, facts, ctx: { actor: FINANCE, now } },
    { type: 'SignAwardAct', projectId: id, signature: { signatory: RECTEUR.id, capacity: 'recteur' }, ctx: { actor: RECTEUR, now } },
  ];
  for (const command of act)
    await handleCommand({ store, streamId: awardActStreamOf(id), decider: awardActDecider, command, metadata: {} });
}

import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { recordedEvents } from '../../test/recorded-event.js';
import { moneyHistoryEntries } from './money-history.js';
import { namesFrom } from './money-names.js';

const at = recordedEvents('2025-01-10T10:00:00.000Z');

const PROJECT = 'p-1';
const ACT = `AA-${PROJECT}-1`;
const ACTS = `award-act-${PROJECT}`;
const NANCY = 'envelope-fip-academie-12-2024-2025';
const req = { year: 2025, requestId: 'r', fingerprint: 'f', commitmentRef: ACT };
const COMMUNE = { organisationId: '21550029900015', name: 'Commune de Bar-le-Duc', siret: '21550029900015' };
const ASSOCIATION = { organisationId: '44306184100047', name: 'Association Les Jardins', siret: '44306184100047' };
const names = namesFrom(
  new Map([
    ['finance-nancy-metz', 'Camille Martin'],
    ['comptable-nancy-metz', 'Dominique Durand'],
  ]),
  new Map(),
);
const EUR = (s: string) => s.replace(/ /g, '\u202f') + '\u00a0€';

const opening = [
  at(ACTS, 'award_act.drafted', {
    actId: ACT,
    reference: 'ARR-2024-3',
    form: 'arrete',
    payee: COMMUNE,
    amountCents: 1_200_000,
    envelopeId: 'fip-academie-12-2024-2025',
    schedule: [{ number: 1 }],
    reportDueOn: '2026-06-30',
  }),
  at(NANCY, 'envelope.committed', {
    ...req,
    projectId: PROJECT,
    amountCents: 1_200_000,
    awardActId: ACT,
    ejNumber: '2103000042',
    reason: null,
  }),
];
const summaries = (events: RecordedEvent[]) =>
  moneyHistoryEntries([...opening, ...events], names)
    .map((e) => e.summary)
    .slice(2);

describe('the money events of issue 15’s recoveries and amendments, matched on their type', () => {
  it('a recovery title ordered then collected, with the CP restored and the receipt of an earlier exercise', () => {
    const ordered = at(NANCY, 'envelope.recovery_ordered', {
      ...req,
      titleRef: 'TP-2025-0012',
      titleKind: 'titre_de_perception',
      amountCents: 120_000,
      reason: 'Dépenses non justifiées',
      orderedBy: 'finance-nancy-metz',
    });
    const collected = at(
      NANCY,
      'envelope.recovery_collected',
      {
        ...req,
        titleRef: 'TP-2025-0012',
        amountCents: 120_000,
        restoredCents: 100_000,
        receiptCents: 20_000,
        collectedBy: 'comptable-nancy-metz',
      },
      'comptable-nancy-metz',
      'accountant',
    );
    expect(summaries([ordered, collected])).toEqual([
      `Titre de perception n° TP-2025-0012 émis par Camille Martin, gestionnaire financier : ${EUR('1 200,00')} à reverser par ` +
        'Commune de Bar-le-Duc (SIRET 21550029900015) (EJ n° 2103000042) : motif Dépenses non justifiées',
      `Titre de perception n° TP-2025-0012 recouvré : ${EUR('1 200,00')} encaissés (${EUR('1 000,00')} de CP rétablis, ` +
        `${EUR('200,00')} en recette d’un exercice antérieur), par Dominique Durand, comptable public (EJ n° 2103000042)`,
    ]);
    const recettes = at(NANCY, 'envelope.recovery_ordered', { ...req, titleRef: 'TR-9', titleKind: 'titre_de_recettes', amountCents: 500 });
    expect(summaries([recettes])[0]).toMatch(/^Titre de recettes n° TR-9 émis par Camille Martin/);
  });

  it('an amendment on the act and its adjustment of the EJ; after a payee change the payments name the new payee', () => {
    const amended = at(ACTS, 'award_act.amended', {
      actId: ACT,
      number: 1,
      kind: 'increase',
      amountCents: 1_300_000,
      deltaCents: 100_000,
      lastExercise: 2025,
      reason: 'Deuxième classe associée',
      signedBy: 'recteur-12',
    });
    const increased = at(NANCY, 'envelope.commitment_adjusted', {
      ...req,
      amendmentNumber: 1,
      kind: 'increase',
      deltaCents: 100_000,
      reason: 'Avenant n° 1',
      adjustedBy: 'finance-nancy-metz',
    });
    const payeeChanged = at(NANCY, 'envelope.commitment_adjusted', {
      ...req,
      amendmentNumber: 2,
      kind: 'payee_change',
      deltaCents: 0,
      payee: ASSOCIATION,
      reason: 'Reprise par l’association',
      adjustedBy: 'finance-nancy-metz',
    });
    const paid = at(
      NANCY,
      'envelope.paid',
      { ...req, amountCents: 5_000, instalment: 1, orderRef: 'DP-1' },
      'comptable-nancy-metz',
      'accountant',
    );
    expect(summaries([amended, increased, payeeChanged, paid])).toEqual([
      'Avenant n° 1 à l’arrêté attributif n° ARR-2024-3 signé par Camille Martin, gestionnaire financier : augmentation, montant ' +
        `porté à ${EUR('13 000,00')} (+${EUR('1 000,00')}), dernier exercice 2025 : motif Deuxième classe associée`,
      `Avenant n° 1 à l’EJ n° 2103000042 : augmentation de +${EUR('1 000,00')} d’AE, par Camille Martin, gestionnaire financier : ` +
        'motif Avenant n° 1',
      'Avenant n° 2 à l’EJ n° 2103000042 : changement de bénéficiaire : Association Les Jardins (SIRET 44306184100047), par ' +
        'Camille Martin, gestionnaire financier : motif Reprise par l’association',
      `Paiement de ${EUR('50,00')} à Association Les Jardins (SIRET 44306184100047) sur FIP 2024-2025 – Académie de Nancy-Metz ` +
        '(ordre DP-1, échéance n° 1, EJ n° 2103000042), par Dominique Durand, comptable public',
    ]);
    const reduced = at(NANCY, 'envelope.commitment_adjusted', { ...req, amendmentNumber: 3, kind: 'reduction', deltaCents: -40_000 });
    expect(summaries([reduced])[0]).toContain(`: réduction de −${EUR('400,00')} d’AE, par`);
  });

  it('the review of the report, a cancelled act, a type this version does not know: never an id where a name is known', () => {
    const reviewed = at(ACTS, 'award_act.report_reviewed', {
      actId: ACT,
      outcome: 'partly_accepted',
      eligibleSpendingCents: 1_000_000,
      dueCents: 960_000,
      paidCents: 1_200_000,
      balanceCents: 0,
      toRecoverCents: 240_000,
      reason: 'Facture hors période',
    });
    const cancelled = at(ACTS, 'award_act.cancelled', { actId: ACT, reason: 'Erreur de montant' });
    const unknown = at(ACTS, 'award_act.archived', { actId: ACT });
    expect(summaries([reviewed, cancelled, unknown])).toEqual([
      'Compte rendu financier partiellement accepté par Camille Martin, gestionnaire financier : dépenses retenues ' +
        `${EUR('10 000,00')}, dû ${EUR('9 600,00')}, déjà payé ${EUR('12 000,00')}, ${EUR('2 400,00')} à reverser : ` +
        'motif Facture hors période',
      'Arrêté attributif n° ARR-2024-3 annulé par Camille Martin, gestionnaire financier : motif Erreur de montant',
      'Événement award_act.archived sur l’arrêté attributif n° ARR-2024-3 par Camille Martin, gestionnaire financier',
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { recordedEvents } from '../../test/recorded-event.js';
import { actCommitments, moneyHistoryEntries, projectMoneyEvents } from './money-history.js';
import { NO_NAMES, namesFrom, personLabel } from './money-names.js';

const recorded = recordedEvents('2024-03-04T10:00:00.000Z', 100n);

const PROJECT = '0b0f9b7e-3a0b-4c43-9a7e-1e7c9f2b8d11';
const ACT = `AA-${PROJECT}-1`;
const ACTS = `award-act-${PROJECT}`;
const NANCY = 'envelope-fip-academie-12-2023';
const COMMUNE = { organisationId: '21550029900015', name: 'Commune de Bar-le-Duc', siret: '21550029900015' };
const ej = { year: 2023, commitmentRef: ACT, requestId: 'r', fingerprint: 'f' };
const names = namesFrom(
  new Map([
    ['finance-nancy-metz', 'Camille Martin'],
    ['comptable-nancy-metz', 'Dominique Durand'],
    ['recteur-12', 'Jean Recteur'],
    ['holder-bar-le-duc', 'Claire Petit'],
  ]),
  new Map([['0550001C', 'École de Bar-le-Duc']]),
);
const labels = new Map([['fip-academie-12-2023', 'FIP 2023 – académie de Nancy-Metz']]);
const E = (c: number) =>
  `${Math.floor(c / 100)
    .toLocaleString('fr-FR')
    .replace(/\s/g, '\u202f')},${String(c % 100).padStart(2, '0')}\u00a0€`;

const drafted = recorded(ACTS, 'award_act.drafted', {
  actId: ACT,
  projectId: PROJECT,
  reference: 'ARR-2023-12',
  form: 'convention',
  beneficiaryId: '0550001C',
  payee: { ...COMMUNE, legalStatus: 'public' },
  amountCents: 1_200_000,
  envelopeId: 'fip-academie-12-2023',
  schedule: [{ number: 1 }, { number: 2 }],
  reportDueOn: '2024-06-30',
});
const chain = [
  drafted,
  recorded(ACTS, 'award_act.signed', { actId: ACT, signature: { signatory: 'recteur-12', capacity: 'recteur' } }, 'recteur-12', 'decider'),
  recorded(
    ACTS,
    'award_act.countersigned',
    { actId: ACT, personId: 'holder-bar-le-duc', organisationId: '0550001C' },
    'holder-bar-le-duc',
    'holder',
  ),
  recorded(NANCY, 'envelope.committed', {
    ...ej,
    projectId: PROJECT,
    amountCents: 1_200_000,
    awardActId: ACT,
    ejNumber: '2103000001',
    payee: COMMUNE,
    reason: null,
  }),
  recorded(NANCY, 'envelope.service_done', {
    ...ej,
    amountCents: 600_000,
    reference: 'PV de service fait',
    instalment: 1,
    certifiedBy: 'finance-nancy-metz',
  }),
  recorded(NANCY, 'envelope.payment_ordered', {
    ...ej,
    amountCents: 600_000,
    instalment: 1,
    orderRef: 'DP-2024-0007',
    orderedBy: 'finance-nancy-metz',
  }),
  recorded(
    NANCY,
    'envelope.paid',
    { ...ej, amountCents: 600_000, instalment: 1, orderRef: 'DP-2024-0007' },
    'comptable-nancy-metz',
    'accountant',
  ),
];

describe("a project's money in its history", () => {
  it('names people with their role, the payee with its SIRET, the envelope by its label, amounts in French euros', () => {
    expect(moneyHistoryEntries(chain, names, labels).map((e) => e.summary)).toEqual([
      `Convention attributive n° ARR-2023-12 préparée par Camille Martin, gestionnaire financier : ${E(1_200_000)} à Commune de ` +
        'Bar-le-Duc (SIRET 21550029900015) sur FIP 2023 – académie de Nancy-Metz, 2 échéances, compte rendu financier dû le 30/06/2024',
      'Convention attributive n° ARR-2023-12 signée par Jean Recteur, décideur, en qualité de recteur d’académie, en son nom propre',
      'Convention attributive n° ARR-2023-12 contresignée pour École de Bar-le-Duc par Claire Petit, porteur de projet',
      `Engagement de ${E(1_200_000)} (EJ n° 2103000001) sur FIP 2023 – académie de Nancy-Metz au profit de Commune de Bar-le-Duc ` +
        '(SIRET 21550029900015), par Camille Martin, gestionnaire financier',
      `Service fait de ${E(600_000)} certifié par Camille Martin, gestionnaire financier (échéance n° 1, EJ n° 2103000001) sur pièce : ` +
        'PV de service fait',
      `Ordre de payer DP-2024-0007 : ${E(600_000)} à Commune de Bar-le-Duc (SIRET 21550029900015) (échéance n° 1, EJ n° 2103000001), ` +
        'donné par Camille Martin, gestionnaire financier',
      `Paiement de ${E(600_000)} à Commune de Bar-le-Duc (SIRET 21550029900015) sur FIP 2023 – académie de Nancy-Metz (ordre ` +
        'DP-2024-0007, échéance n° 1, EJ n° 2103000001), par Dominique Durand, comptable public',
    ]);
    expect(E(1_200_000)).toBe('12\u202f000,00\u00a0€');
  });

  it('carries each event’s own stream, position and who, like the project’s entries', () => {
    const [, signed] = moneyHistoryEntries(chain, names, labels);
    expect(signed).toMatchObject({
      streamId: ACTS,
      type: 'award_act.signed',
      who: 'recteur-12',
      role: 'decider',
      position: String(chain[1]!.position),
    });
  });

  it('falls back to the id of a person or organisation the directory does not name (erased, never recorded); the system is Refonda', () => {
    const summaries = moneyHistoryEntries(chain, NO_NAMES).map((e) => e.summary);
    expect(summaries[1]).toBe(
      'Convention attributive n° ARR-2023-12 signée par recteur-12, décideur, en qualité de recteur d’académie, en son nom propre',
    );
    expect(summaries[2]).toContain('contresignée pour 0550001C par holder-bar-le-duc, porteur de projet');
    // Without the opening's label, the envelope's name from its id.
    expect(summaries[3]).toContain('sur FIP 2023 – Académie de Nancy-Metz au profit de Commune de Bar-le-Duc');
    expect(personLabel('funding-process', 'system', names)).toBe('Refonda');
    expect(personLabel(null, null, names)).toBe('inconnu');
  });

  it('tells a commitment made before award acts (no EJ number nor payee) by its reference, by Refonda when the process made it', () => {
    const ref = `EJ-2023-${PROJECT}`;
    const legacy = [
      recorded(
        NANCY,
        'envelope.committed',
        { year: 2023, commitmentRef: ref, projectId: PROJECT, amountCents: 1_200_000, splitKey: null, reason: null },
        'funding-process',
        'system',
      ),
      recorded(NANCY, 'envelope.recovered', { year: 2023, commitmentRef: ref, amountCents: 10_000, reason: 'Trop-perçu' }),
    ];
    expect(moneyHistoryEntries(legacy, names, labels).map((e) => e.summary)).toEqual([
      `Engagement de ${E(1_200_000)} (réf. ${ref}) sur FIP 2023 – académie de Nancy-Metz, par Refonda`,
      `Reversement de ${E(10_000)} sur FIP 2023 – académie de Nancy-Metz (engagement ${ref}), enregistré par Camille Martin, ` +
        'gestionnaire financier : motif Trop-perçu',
    ]);
  });

  it('finds the project’s events among the envelope’s: its commitments (by project) and their later events (by reference)', () => {
    const other = recorded(NANCY, 'envelope.committed', { ...ej, commitmentRef: 'AA-other-1', projectId: 'other', amountCents: 5 });
    const otherPaid = recorded(NANCY, 'envelope.paid', { ...ej, commitmentRef: 'AA-other-1', amountCents: 5, instalment: 1 });
    const legacyPaid = recorded(NANCY, 'envelope.paid', { ...ej, commitmentRef: 'EJ-old', amountCents: 5, instalment: 1 });
    const envelope = [chain[3]!, other, chain[4]!, otherPaid, chain[6]!, legacyPaid];
    expect(actCommitments([drafted])).toEqual([{ envelopeId: 'fip-academie-12-2023', commitmentRef: ACT }]);
    const found = projectMoneyEvents(PROJECT, [], chain.slice(0, 3), [envelope]);
    expect(found.map((e) => e.id)).toEqual([...chain.slice(0, 5), chain[6]!].map((e) => e.id));
    expect(projectMoneyEvents(PROJECT, ['EJ-old'], [], [envelope]).map((e) => e.id)).toContain(legacyPaid.id);
  });
});

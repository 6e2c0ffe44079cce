import { toDecimalString } from '#funding';

/**
 * Demo data: real codes and the published CNR figures (FIR Grand Est €1M and Hauts-de-France
 * €2.6M over its 6 CTS, as delegated in 2023), booked on the current year so the funding process runs.
 */
export const HDF_CTS = ['CTS-32-02', 'CTS-32-59-1', 'CTS-32-59-2', 'CTS-32-60', 'CTS-32-62', 'CTS-32-80'];

export function envelopeOrders(year: number) {
  const share = 43_333_333;
  const shares = Object.fromEntries(HDF_CTS.map((c, i) => [c, toDecimalString(i === 0 ? 260_000_000 - share * 5 : share)]));
  return [
    {
      open: { fund: 'fir', territoryCode: 'ars-44', year, label: `FIR ${year} – ARS Grand Est (CNR santé)` },
      notify: { ae: '1000000.00', cp: '1000000.00', reason: 'Délégation régionale FIR pour les projets CNR santé' },
    },
    {
      open: {
        fund: 'fir',
        territoryCode: 'ars-32',
        year,
        label: `FIR ${year} – ARS Hauts-de-France (CNR santé)`,
        split: { mode: 'soft', shares },
      },
      notify: {
        ae: '2600000.00',
        cp: '2600000.00',
        reason: 'Délégation FIR, répartition indicative entre les 6 conseils territoriaux de santé',
      },
    },
    {
      open: { fund: 'fip', territoryCode: 'academie-12', year, label: `FIP ${year} – Académie de Nancy-Metz` },
      notify: { ae: '4850000.00', cp: '2425000.00', reason: 'Notification FIP à l’académie' },
    },
    {
      open: { fund: 'fip', territoryCode: 'academie-09', year, label: `FIP ${year} – Académie de Lille` },
      notify: { ae: '9700000.00', cp: '4850000.00', reason: 'Notification FIP à l’académie' },
    },
  ];
}

type Step = [command: string, by: 'holder' | 'validator', body?: Record<string, unknown>];

const dossier: Step[] = [
  ['start_drafting', 'holder'],
  ['edit', 'holder'],
  ['submit', 'holder'],
];
const analysed: Step[] = [...dossier, ['start_analysis', 'validator']];

/** Where each demo project is taken: the steps after its declaration. */
export const PATHS: Record<string, Step[]> = {
  intention: [],
  drafting: [['start_drafting', 'holder']],
  submitted: dossier,
  under_analysis: analysed,
  completion_requested: [
    ...analysed,
    ['request_completion', 'validator', { reason: 'Le budget prévisionnel doit détailler les interventions extérieures.' }],
  ],
  validated_edu: [
    ...analysed,
    [
      'validate',
      'validator',
      { reason: 'Projet co-construit avec les familles et la commune ; budget cohérent.', grantedAmountCents: 1_250_000 },
    ],
  ],
  rejected: [...analysed, ['reject', 'validator', { reason: 'Le projet relève du fonctionnement courant de l’établissement.' }]],
  cts_review: [...analysed, ['refer_to_cts', 'validator']],
  validated_health: [
    ...analysed,
    ['refer_to_cts', 'validator'],
    [
      'record_cts_opinion',
      'validator',
      { favourable: true, reason: 'Avis favorable du CTS : réponse aux besoins de soins non programmés.' },
    ],
    ['validate', 'validator', { reason: 'Décision du directeur général de l’ARS après avis du CTS.', grantedAmountCents: 4_500_000 }],
  ],
};

export interface DemoProject {
  title: string;
  program: 'education' | 'health';
  path: keyof typeof PATHS;
  territory: Record<string, string>;
  holder: { organisationId: string; name: string };
  requestedCents: number;
  validatorScope: Record<string, string[]>;
}

const meuseEdu = { region: '44', departement: '55', communeCode: '55029', academie: '12' };
const nordEdu = { region: '32', departement: '59', communeCode: '59350', academie: '09' };
const meuseHealth = { region: '44', departement: '55', communeCode: '55029', cts: 'CTS-44-55' };
const nm = { academies: ['12'] };
const lille = { academies: ['09'] };
const ge = { regions: ['44'] };

export const DEMO_PROJECTS: DemoProject[] = [
  {
    title: 'Un jardin pédagogique partagé',
    program: 'education',
    path: 'validated_edu',
    territory: meuseEdu,
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
    requestedCents: 1_500_000,
    validatorScope: nm,
  },
  {
    title: 'Une radio scolaire ouverte aux familles',
    program: 'education',
    path: 'under_analysis',
    territory: meuseEdu,
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
    requestedCents: 800_000,
    validatorScope: nm,
  },
  {
    title: 'Des ateliers philosophie au cycle 3',
    program: 'education',
    path: 'completion_requested',
    territory: meuseEdu,
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
    requestedCents: 450_000,
    validatorScope: nm,
  },
  {
    title: 'Une cour d’école végétalisée',
    program: 'education',
    path: 'submitted',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille' },
    requestedCents: 2_300_000,
    validatorScope: lille,
  },
  {
    title: 'Le tutorat entre pairs en seconde',
    program: 'education',
    path: 'drafting',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille' },
    requestedCents: 600_000,
    validatorScope: lille,
  },
  {
    title: 'Concertation : le bien-être des élèves',
    program: 'education',
    path: 'intention',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille' },
    requestedCents: 0,
    validatorScope: lille,
  },
  {
    title: 'Un séjour linguistique sans partenaire',
    program: 'education',
    path: 'rejected',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille' },
    requestedCents: 3_000_000,
    validatorScope: lille,
  },
  {
    title: 'Soins non programmés en maison de santé',
    program: 'health',
    path: 'validated_health',
    territory: meuseHealth,
    holder: { organisationId: '550000012', name: 'MSP du Barrois' },
    requestedCents: 5_000_000,
    validatorScope: ge,
  },
  {
    title: 'Prévention santé mentale des jeunes',
    program: 'health',
    path: 'cts_review',
    territory: meuseHealth,
    holder: { organisationId: '550000012', name: 'MSP du Barrois' },
    requestedCents: 2_000_000,
    validatorScope: ge,
  },
];

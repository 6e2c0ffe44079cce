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

/** Who runs a step: the holder, the instructeur (validator), or the decider who signs (workflow v2: recteur, DG ARS). */
type Step = [command: string, by: 'holder' | 'validator' | 'decider', body?: Record<string, unknown>];

/** The demo's education decisions follow no commission proposal: the recteur says why (a signed decision must). */
const WITHOUT_COMMISSION = 'Décision prise sans passage en commission (données de démonstration).';

const dossier: Step[] = [
  ['start_drafting', 'holder'],
  ['edit', 'holder'],
  ['submit', 'holder'],
];
const underAnalysis: Step[] = [...dossier, ['start_analysis', 'validator']];
const analysed: Step[] = [
  ...underAnalysis,
  ['complete_analysis', 'validator', { reason: 'Instruction close : dossier complet, projet éligible.' }],
];

/** Where each demo project is taken: the steps after its declaration (workflow v2, the one new projects start on). */
export const PATHS: Record<string, Step[]> = {
  intention: [],
  drafting: [['start_drafting', 'holder']],
  submitted: dossier,
  under_analysis: underAnalysis,
  completion_requested: [
    ...underAnalysis,
    ['request_completion', 'validator', { reason: 'Le budget prévisionnel doit détailler les interventions extérieures.' }],
  ],
  analysed,
  validated_edu: [
    ...analysed,
    [
      'validate',
      'decider',
      {
        reason: 'Projet co-construit avec les familles et la commune ; budget cohérent.',
        grantedAmountCents: 1_250_000,
        departureReason: WITHOUT_COMMISSION,
      },
    ],
  ],
  rejected: [
    ...analysed,
    [
      'reject',
      'decider',
      { reason: 'Le projet relève du fonctionnement courant de l’établissement.', departureReason: WITHOUT_COMMISSION },
    ],
  ],
  cts_review: [...analysed, ['refer_to_cts', 'validator']],
  validated_health: [
    ...analysed,
    ['refer_to_cts', 'validator'],
    [
      'record_cts_opinion',
      'validator',
      { favourable: true, reason: 'Avis favorable du CTS : réponse aux besoins de soins non programmés.' },
    ],
    ['validate', 'decider', { reason: 'Décision du directeur général de l’ARS après avis du CTS.', grantedAmountCents: 4_500_000 }],
  ],
};

/** A decider's habilitation: who signs the territory's decisions in their own right, and in what capacity. */
export interface DemoDecider {
  sub: string;
  name: string;
  scope: Record<string, string[]>;
  capacity: 'recteur' | 'dg_ars';
}

export interface DemoProject {
  title: string;
  program: 'education' | 'health';
  path: keyof typeof PATHS;
  territory: Record<string, string>;
  /** The kind registers the body on its first declaration (the dashboards count schools by level). */
  holder: { organisationId: string; name: string; kind: string };
  requestedCents: number;
  validatorScope: Record<string, string[]>;
  decider: DemoDecider;
}

const meuseEdu = { region: '44', departement: '55', communeCode: '55029', academie: '12' };
const nordEdu = { region: '32', departement: '59', communeCode: '59350', academie: '09' };
const meuseHealth = { region: '44', departement: '55', communeCode: '55029', cts: 'CTS-44-55' };
const nm = { academies: ['12'] };
const lille = { academies: ['09'] };
const ge = { regions: ['44'] };

export const DEMO_DECIDERS = {
  recteurNancyMetz: { sub: 'recteur-demo-12', name: 'Recteur de l’académie de Nancy-Metz', scope: nm, capacity: 'recteur' },
  recteurLille: { sub: 'recteur-demo-09', name: 'Recteur de l’académie de Lille', scope: lille, capacity: 'recteur' },
  dgArsGrandEst: { sub: 'dg-ars-demo-44', name: 'Directeur général de l’ARS Grand Est', scope: ge, capacity: 'dg_ars' },
} as const satisfies Record<string, DemoDecider>;

export const DEMO_PROJECTS: DemoProject[] = [
  {
    title: 'Un jardin pédagogique partagé',
    program: 'education',
    path: 'validated_edu',
    territory: meuseEdu,
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc', kind: 'ecole' },
    requestedCents: 1_500_000,
    validatorScope: nm,
    decider: DEMO_DECIDERS.recteurNancyMetz,
  },
  {
    title: 'Une radio scolaire ouverte aux familles',
    program: 'education',
    path: 'under_analysis',
    territory: meuseEdu,
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc', kind: 'ecole' },
    requestedCents: 800_000,
    validatorScope: nm,
    decider: DEMO_DECIDERS.recteurNancyMetz,
  },
  {
    title: 'Un conseil des élèves pour la cantine',
    program: 'education',
    path: 'analysed',
    territory: meuseEdu,
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc', kind: 'ecole' },
    requestedCents: 350_000,
    validatorScope: nm,
    decider: DEMO_DECIDERS.recteurNancyMetz,
  },
  {
    title: 'Des ateliers philosophie au cycle 3',
    program: 'education',
    path: 'completion_requested',
    territory: meuseEdu,
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc', kind: 'ecole' },
    requestedCents: 450_000,
    validatorScope: nm,
    decider: DEMO_DECIDERS.recteurNancyMetz,
  },
  {
    title: 'Une cour d’école végétalisée',
    program: 'education',
    path: 'submitted',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille', kind: 'lycee' },
    requestedCents: 2_300_000,
    validatorScope: lille,
    decider: DEMO_DECIDERS.recteurLille,
  },
  {
    title: 'Le tutorat entre pairs en seconde',
    program: 'education',
    path: 'drafting',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille', kind: 'lycee' },
    requestedCents: 600_000,
    validatorScope: lille,
    decider: DEMO_DECIDERS.recteurLille,
  },
  {
    title: 'Concertation : le bien-être des élèves',
    program: 'education',
    path: 'intention',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille', kind: 'lycee' },
    requestedCents: 0,
    validatorScope: lille,
    decider: DEMO_DECIDERS.recteurLille,
  },
  {
    title: 'Un séjour linguistique sans partenaire',
    program: 'education',
    path: 'rejected',
    territory: nordEdu,
    holder: { organisationId: '0590001F', name: 'Lycée de Lille', kind: 'lycee' },
    requestedCents: 3_000_000,
    validatorScope: lille,
    decider: DEMO_DECIDERS.recteurLille,
  },
  {
    title: 'Soins non programmés en maison de santé',
    program: 'health',
    path: 'validated_health',
    territory: meuseHealth,
    holder: { organisationId: '550000012', name: 'MSP du Barrois', kind: 'msp' },
    requestedCents: 5_000_000,
    validatorScope: ge,
    decider: DEMO_DECIDERS.dgArsGrandEst,
  },
  {
    title: 'Prévention santé mentale des jeunes',
    program: 'health',
    path: 'cts_review',
    territory: meuseHealth,
    holder: { organisationId: '550000012', name: 'MSP du Barrois', kind: 'msp' },
    requestedCents: 2_000_000,
    validatorScope: ge,
    decider: DEMO_DECIDERS.dgArsGrandEst,
  },
];

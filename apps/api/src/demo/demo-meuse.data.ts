import type { TokenClaims } from '#auth';

/**
 * The Meuse projects of the ARS Grand Est's brochure (« Un an de CNR santé », seeds/002): holders and partners as it names
 * them. The brochure gives no FINESS, no commune for the SESSAD, no amounts and no act references: the identifiers are taken
 * at the end of the Meuse's FINESS range and marked `fictitious`, the amounts are the demo's, and the references say so.
 */
const fictitious = (value: string) => ({
  scheme: value.length === 8 ? ('uai' as const) : ('finess' as const),
  value,
  fictitious: true as const,
});
const organisation = (kind: string, value: string, name: string, communeCode: string, member: string) => ({
  identifier: fictitious(value),
  member,
  registration: { kind, identifier: fictitious(value), name, communeCode, departementCode: '55' },
});

/** Two Meuse schools for the commission (UAIs at the end of the 055 range, marked fictitious). */
const SCHOOLS = { stMihiel: '0559990K', commercy: '0559991L' };

export const MEUSE_ORGANISATIONS = [
  organisation('msp', '550999908', 'Maison de santé pluriprofessionnelle de Spincourt', '55500', 'coordination-msp-spincourt'),
  organisation('msp', '550999916', 'Maison de santé pluriprofessionnelle de Verdun', '55545', 'coordination-msp-verdun'),
  // The brochure does not say where the SESSAD is: Bar-le-Duc, the préfecture, is the demo's choice.
  organisation('other', '550999924', 'SESSAD PEP 55', '55029', 'direction-sessad-pep55'),
  organisation('ecole', SCHOOLS.stMihiel, 'École élémentaire de Saint-Mihiel', '55463', 'directrice-ecole-saint-mihiel'),
  organisation('ecole', SCHOOLS.commercy, 'École élémentaire de Commercy', '55122', 'direction-ecole-commercy'),
];

export interface MeuseProject {
  title: string;
  program: 'education' | 'health';
  holderId: string;
  intention: Record<string, unknown>;
  requestedCents: number;
  analysis: string;
  cts?: string;
  proposal?: { vote: 'favourable' | 'unfavourable'; decision: 'validate' | 'reject'; body: Record<string, unknown> };
  decision?: Record<string, unknown>;
}

const HEALTH = { region: '44', departement: '55', cts: 'CTS-44-55' };
const health = (title: string, holder: string, communeCode: string, description: string, partners: [string, string][]) => ({
  program: 'health' as const,
  title,
  holderId: holder,
  intention: {
    program: 'health',
    title,
    description,
    territory: { ...HEALTH, communeCode },
    holder: { organisationId: holder, name: MEUSE_ORGANISATIONS.find((o) => o.identifier.value === holder)!.registration.name },
    partners: partners.map(([name, kind]) => ({ name, kind })),
  },
});
const school = (title: string, uai: string, name: string, communeCode: string, description: string) => ({
  program: 'education' as const,
  title,
  holderId: uai,
  intention: {
    program: 'education',
    title,
    description,
    territory: { region: '44', departement: '55', academie: '12', communeCode },
    holder: { organisationId: uai, name },
    partners: [{ name: `Commune de ${name.split(' de ').pop()}`, kind: 'collectivite' }],
  },
});

export const MEUSE_PROJECTS: MeuseProject[] = [
  {
    ...health(
      'Le projet des enfants du pays de Spincourt (PEPS)',
      '550999908',
      '55500',
      'Consultation adaptée, dans un délai court, pour les enfants suspectés d’autisme, avec des prises en charge individuelles et ' +
        'en groupe (ateliers massage, oralité, langage, prévention dentaire) en parallèle du diagnostic. Projet validé par le CRA.',
      [
        ['Centre de ressources autisme (CRA)', 'etablissement'],
        ['Plateforme de coordination et d’orientation (PCO)', 'etablissement'],
        ['Pédiatrie', 'autre'],
        ['Professionnels de santé libéraux', 'autre'],
        ['CPAM de la Meuse', 'cpam'],
      ],
    ),
    requestedCents: 4_500_000,
    analysis: 'Dossier complet ; réponse de proximité conforme aux recommandations de la HAS.',
    cts: 'Avis favorable du conseil territorial de santé de la Meuse.',
    decision: { reason: 'Décision après avis favorable du CTS', grantedAmountCents: 4_500_000 },
  },
  {
    ...health(
      'Enfants de Meuse avec troubles du neurodéveloppement (PEMTND)',
      '550999916',
      '55545',
      'Réponse de proximité au dépistage précoce et à la prise en charge pluridisciplinaire des enfants de 7 à 17 ans présentant ' +
        'des troubles du neurodéveloppement, et des 0-6 ans hors critères de la PCO ; complémentaire à la PCO.',
      [
        ['Plateforme de coordination et d’orientation (PCO)', 'etablissement'],
        ['Pédiatrie', 'autre'],
        ['Professionnels de santé libéraux', 'autre'],
        ['CPAM de la Meuse', 'cpam'],
        ['Personnels éducatifs', 'autre'],
      ],
    ),
    requestedCents: 6_000_000,
    analysis: 'Dossier complet ; 109 enfants de plus de 7 ans suivis au 15 décembre 2023.',
    cts: 'Avis favorable du conseil territorial de santé de la Meuse.',
  },
  {
    ...health(
      'Dispositif ADO DYS',
      '550999924',
      '55029',
      'Accompagnement intensif des enfants atteints de troubles DYS orientés par la MDPH : compréhension des troubles, outils ' +
        'numériques de compensation, avec la famille et les enseignants, au passage dans le second degré.',
      [
        ['MDPH de la Meuse', 'mdph'],
        ['Éducation nationale', 'autre'],
      ],
    ),
    requestedCents: 3_000_000,
    analysis: 'Dossier complet ; articulation avec l’Éducation nationale à préciser en commission.',
  },
  {
    ...school(
      'Un jardin pédagogique partagé',
      SCHOOLS.stMihiel,
      'École élémentaire de Saint-Mihiel',
      '55463',
      'Élèves, familles et commune aménagent un jardin partagé (concertation « Notre école, faisons-la ensemble »).',
    ),
    requestedCents: 1_200_000,
    analysis: 'Projet co-construit, budget cohérent.',
    proposal: {
      vote: 'favourable',
      decision: 'validate',
      body: { outcome: 'favourable', proposedAmountCents: 1_000_000, reason: 'Projet co-construit avec les familles' },
    },
    decision: { reason: 'Décision conforme à la proposition de la commission', grantedAmountCents: 1_000_000 },
  },
  {
    ...school(
      'Un séjour linguistique sans partenaire',
      SCHOOLS.commercy,
      'École élémentaire de Commercy',
      '55122',
      'Séjour de trois jours à l’étranger pour les élèves de CM2.',
    ),
    requestedCents: 3_000_000,
    analysis: 'Le projet relève du fonctionnement courant de l’école.',
    proposal: {
      vote: 'unfavourable',
      decision: 'reject',
      body: { outcome: 'unfavourable', reason: 'Relève du fonctionnement courant, sans dimension de concertation' },
    },
    decision: { reason: 'Décision conforme à la proposition défavorable de la commission' },
  },
];

/** The commission départementale of the Meuse: three members, one of whom declares a link to a school it examines. */
export const MEUSE_COMMISSION = (year: number) => ({
  session: { kind: 'commission_departementale', program: 'education', territory: '55', date: `${year}-03-12` },
  minutes: `PV-DSDEN55-${year}-03-12 (référence de démonstration)`,
  members: [
    {
      personId: 'ien-saint-mihiel',
      role: 'validator' as const,
      scope: { departements: ['55'] },
      seat: { personId: 'ien-saint-mihiel', capacity: 'ien' },
    },
    {
      personId: 'representant-parents-55',
      role: 'holder' as const,
      scope: {} as TokenClaims['scope'],
      seat: { personId: 'representant-parents-55', capacity: 'representant_parents' },
    },
    {
      personId: 'directrice-ecole-saint-mihiel',
      role: 'holder' as const,
      scope: {} as TokenClaims['scope'],
      seat: { personId: 'directrice-ecole-saint-mihiel', capacity: 'chef_etablissement' },
      link: { organisationId: SCHOOLS.stMihiel, nature: 'employee' },
    },
  ],
});

export const MEUSE_DELEGATIONS = (year: number) => [
  {
    authority: { personId: 'dg-ars-grand-est', capacity: 'dg_ars', territory: { kind: 'region', code: '44' } },
    delegate: { personId: 'delegue-territorial-55', capacity: 'delegue_territorial' },
    territories: [{ kind: 'departement', code: '55' }],
    actKinds: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'],
    validFrom: `${year}-01-01`,
    actReference: `Décision DG ARS Grand Est n° DEMO-${year}-01 portant délégation de signature (référence fictive)`,
  },
  {
    authority: { personId: 'recteur-nancy-metz', capacity: 'recteur', territory: { kind: 'academie', code: '12' } },
    delegate: { personId: 'ia-dasen-55', capacity: 'ia_dasen' },
    territories: [{ kind: 'departement', code: '55' }],
    actKinds: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'],
    validFrom: `${year}-01-01`,
    actReference: `Arrêté rectoral n° DEMO-${year}-02 portant délégation de signature à l’IA-DASEN de la Meuse (référence fictive)`,
  },
];

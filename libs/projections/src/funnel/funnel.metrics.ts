/**
 * The funnel as the public CNR dashboards count it. Cumulative milestones ("deposited" = ever submitted, whatever the
 * dossier's later stage; "validated" = ever validated; "financed") sit beside current-status counts ("à analyser",
 * "en cours d'instruction", …), so a project moving on never leaves the milestones it reached.
 * "intentions" counts schools (distinct UAI, holders and co-holders) for education, projects for health.
 */
export const FUNNEL_METRICS = [
  'intentions',
  'drafting',
  'deposited',
  'to_analyse',
  'under_analysis',
  'to_complete',
  'validated',
  'rejected',
  'financed',
  'withdrawn',
] as const;
export type FunnelMetric = (typeof FUNNEL_METRICS)[number];

/** Sums of money beside the counts, integer cents named …Cents as every money figure on the wire. */
export const FUNNEL_AMOUNTS = ['grantedCents'] as const;

/** The stage names people read (domain.md's lifecycle table); the dashboard page shows the same. */
export const FUNNEL_LABELS: Record<FunnelMetric, string> = {
  intentions: 'Intentions de concertation',
  drafting: 'En élaboration',
  deposited: 'Déposés, quel que soit leur stade',
  to_analyse: 'Déposés, à analyser',
  under_analysis: 'En cours d’instruction',
  to_complete: 'À compléter',
  validated: 'Validés (cumul)',
  rejected: 'Refusés',
  financed: 'Financés (cumul)',
  withdrawn: 'Abandonnés / classés sans suite',
};

/** What "intentions" counts in each program. */
export const INTENTIONS_LABELS: Record<string, string> = {
  education: 'Intentions de concertation (écoles et établissements distincts)',
  health: 'Intentions de concertation (projets)',
};

/** Programs whose intentions count the engaged schools (by UAI) rather than the projects. */
export const COUNTS_SCHOOLS = new Set(['education']);

const CURRENT: Record<string, FunnelMetric | undefined> = {
  drafting: 'drafting',
  submitted: 'to_analyse',
  under_analysis: 'under_analysis',
  // Workflow v2: instructed, awaiting the commission and the signed decision — still before the decision, as the CTS's review.
  analysed: 'under_analysis',
  // The CTS is heard during the instruction, before the ARS decides.
  cts_review: 'under_analysis',
  completion_requested: 'to_complete',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

const DEPOSITED: FunnelMetric[] = ['deposited'];
const VALIDATED: FunnelMetric[] = ['deposited', 'validated'];
const FINANCED: FunnelMetric[] = ['deposited', 'validated', 'financed'];

/**
 * Milestones a state proves the project reached, whatever the path that led there. Withdrawal adds none: a project
 * abandoned after its deposit (or its validation) stays deposited (validated); one abandoned before stays an intention.
 */
const REACHED: Record<string, FunnelMetric[] | undefined> = {
  submitted: DEPOSITED,
  under_analysis: DEPOSITED,
  analysed: DEPOSITED,
  completion_requested: DEPOSITED,
  cts_review: DEPOSITED,
  rejected: DEPOSITED,
  validated: VALIDATED,
  financing: FINANCED,
  closed: FINANCED,
};

export interface FunnelProjectState {
  status: string;
  milestones: FunnelMetric[];
  grantedCents: number;
}

export function reach(state: FunnelProjectState, status: string): FunnelMetric[] {
  const added = (REACHED[status] ?? []).filter((m) => !state.milestones.includes(m));
  return added.length ? [...state.milestones, ...added] : state.milestones;
}

/**
 * What one project contributes to each metric (1 per counted metric; cents for amounts). A school-counting program's
 * intentions are not the project's: they are counted once per school (funnel.schools.ts).
 */
export function contribution(s: FunnelProjectState, program: string): Record<string, number> {
  const out: Record<string, number> = COUNTS_SCHOOLS.has(program) ? {} : { intentions: 1 };
  for (const m of s.milestones) out[m] = 1;
  const current = CURRENT[s.status];
  if (current) out[current] = 1;
  if (s.milestones.includes('validated') && s.grantedCents > 0) out['grantedCents'] = s.grantedCents;
  return out;
}

/**
 * The funnel as the public CNR dashboards count it. Cumulative milestones ("deposited" = ever
 * submitted: 8,499; "validated" = ever validated: 3,046) sit beside current-status counts
 * ("to analyse", "to complete", …), so a project moving on never leaves the milestones it reached.
 */
export const FUNNEL_METRICS = [
  'intentions',
  'drafting',
  'deposited',
  'to_analyse',
  'to_complete',
  'validated',
  'rejected',
  'financed',
  'withdrawn',
] as const;
export type FunnelMetric = (typeof FUNNEL_METRICS)[number];

/** Sums of money beside the counts, integer cents named …Cents as every money figure on the wire. */
export const FUNNEL_AMOUNTS = ['grantedCents'] as const;

export const FUNNEL_LABELS: Record<FunnelMetric, string> = {
  intentions: 'Intentions de concertation',
  drafting: 'En élaboration',
  deposited: 'Déposés',
  to_analyse: 'À analyser',
  to_complete: 'À compléter',
  validated: 'Validés',
  rejected: 'Refusés',
  financed: 'Financés',
  withdrawn: 'Abandonnés / sans suite',
};

const CURRENT: Record<string, FunnelMetric | undefined> = {
  drafting: 'drafting',
  submitted: 'to_analyse',
  under_analysis: 'to_analyse',
  cts_review: 'to_analyse',
  completion_requested: 'to_complete',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** Milestones a state proves the project reached. */
const REACHED: Record<string, FunnelMetric | undefined> = {
  submitted: 'deposited',
  validated: 'validated',
  financing: 'financed',
};

export interface FunnelProjectState {
  status: string;
  milestones: FunnelMetric[];
  grantedCents: number;
}

export function reach(state: FunnelProjectState, status: string): FunnelMetric[] {
  const m = REACHED[status];
  return m && !state.milestones.includes(m) ? [...state.milestones, m] : state.milestones;
}

/** What one project contributes to each metric (1 per counted metric; cents for amounts). */
export function contribution(s: FunnelProjectState): Record<string, number> {
  const out: Record<string, number> = { intentions: 1 };
  for (const m of s.milestones) out[m] = 1;
  const current = CURRENT[s.status];
  if (current) out[current] = 1;
  if (s.milestones.includes('validated') && s.grantedCents > 0) out['grantedCents'] = s.grantedCents;
  return out;
}

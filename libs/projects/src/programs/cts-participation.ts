import type { WorkflowGuard } from '#workflow';

/**
 * How each ARS involves its territorial health councils (CTS) in CNR santé, a setting of the health program per région:
 * an opinion on each project before the decision, a selection of the actions upstream (the decision then follows a CTS
 * session's proposal), or none. Hauts-de-France's councils select the actions (the 2023 brochure); Grand Est hears the
 * CTS on each project. Elsewhere, by default, an opinion.
 */
export type CtsParticipation = 'opinion' | 'selection' | 'none';

export const CTS_PARTICIPATION_BY_REGION: Readonly<Record<string, CtsParticipation>> = { '32': 'selection', '44': 'opinion' };
export const DEFAULT_CTS_PARTICIPATION: CtsParticipation = 'opinion';

export function ctsParticipationOf(regionCode: string | undefined): CtsParticipation {
  return (regionCode && CTS_PARTICIPATION_BY_REGION[regionCode]) || DEFAULT_CTS_PARTICIPATION;
}

/** Where the ARS asks the CTS's opinion on each project, the decision waits for it. */
export const ctsOpinionWhereRequired: WorkflowGuard = {
  name: 'cts_opinion_where_required',
  label: 'L’avis du conseil territorial de santé est enregistré, là où l’ARS le demande',
  check: (s) =>
    ctsParticipationOf(s.territory['region']) === 'opinion' && s.fields['ctsOpinion'] === undefined
      ? 'l’ARS de cette région demande l’avis du conseil territorial de santé avant la décision'
      : undefined,
};

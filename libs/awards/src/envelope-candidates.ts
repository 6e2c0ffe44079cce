import { type Fund, parseEnvelopeId, projectInEnvelopeTerritory } from '#funding';

export interface ProjectToFund {
  program: 'education' | 'health';
  territory: { region: string; departement: string; academie?: string; cts?: string };
}

export interface EnvelopeCandidate {
  envelopeId: string;
  fromYear: number;
  toYear: number;
  /** The split key the commitment would name (an ARS's indicative split over its CTS). */
  splitKey: string | null;
}

export const fundOfProgram = (program: ProjectToFund['program']): Fund => (program === 'education' ? 'fip' : 'fir');

/** Narrower territories first: a CTS's or a département's envelope before the académie's or the ARS's. */
const TERRITORY_RANK: Record<string, number> = { cts: 0, departement: 1, academie: 2, ars: 2, region: 2 };

/**
 * The envelopes an award act may draw on: open, of the program's fund (FIP for education, FIR for health), covering the
 * project's territory and the exercise — multi-year ones included. National envelopes are not drawn on directly: their
 * credits reach projects through the académies' and ARS's envelopes. The first is the proposed match: the narrowest
 * territory, then the shortest period.
 */
export function envelopeCandidates(project: ProjectToFund, exercise: number, open: readonly string[]): EnvelopeCandidate[] {
  const fund = fundOfProgram(project.program);
  return open
    .map((envelopeId) => ({ envelopeId, parsed: parseEnvelopeId(envelopeId) }))
    .filter(({ parsed }) => parsed && parsed.fund === fund && parsed.territoryCode !== 'national')
    .filter(({ parsed }) => parsed!.period.fromYear <= exercise && exercise <= parsed!.period.toYear)
    .filter(({ envelopeId }) => projectInEnvelopeTerritory(envelopeId, project.territory))
    .map(({ envelopeId, parsed }) => ({
      envelopeId,
      fromYear: parsed!.period.fromYear,
      toYear: parsed!.period.toYear,
      rank: TERRITORY_RANK[parsed!.territoryCode.split('-')[0]!] ?? 3,
      splitKey: fund === 'fir' ? (project.territory.cts ?? null) : null,
    }))
    .sort((a, b) => a.rank - b.rank || a.toYear - a.fromYear - (b.toYear - b.fromYear) || a.envelopeId.localeCompare(b.envelopeId))
    .map(({ rank: _rank, ...candidate }) => candidate);
}

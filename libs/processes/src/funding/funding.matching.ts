import { type Fund, envelopeId } from '#funding';
import type { Program, Territory } from '#projects';

/** The envelope a validated project draws on, and the split key of its commitment. */
export interface EnvelopeMatch {
  envelopeId: string;
  fund: Fund;
  territoryCode: string;
  year: number;
  splitKey: string | null;
}

const PARIS_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' });

/** The exercise year of an instant, in metropolitan France's time (a validation at 23:30 UTC on 31 December is next year's). */
export function exerciseYearOf(iso: string): number {
  return Number(PARIS_YEAR.format(new Date(iso)));
}

/**
 * The matching rule (fund of the program, territory, year of the validation):
 * - education (FIP): the académie's envelope of that year, `fip-academie-<code>-<year>`;
 * - health (FIR): the ARS's envelope of that year, `fir-ars-<INSEE région>-<year>`, with the project's CTS (health
 *   territory code, e.g. CTS-44-55) as the commitment's split key when the project names one: an ARS may split its
 *   FIR indicatively over its CTS (soft: the excess is recorded; hard: refused and the project waits).
 * Envelopes are matched by their single-year id: a multi-year envelope is not found by this rule.
 */
export function matchingEnvelope(project: { program: Program; content: { territory: Territory } }, year: number): EnvelopeMatch {
  const t = project.content.territory;
  if (project.program === 'education') {
    if (!t.academie) throw new Error('an education project without an académie cannot be matched to an envelope');
    const territoryCode = `academie-${t.academie.toLowerCase()}`;
    return { envelopeId: envelopeId('fip', territoryCode, year), fund: 'fip', territoryCode, year, splitKey: null };
  }
  const territoryCode = `ars-${t.region.toLowerCase()}`;
  return { envelopeId: envelopeId('fir', territoryCode, year), fund: 'fir', territoryCode, year, splitKey: t.cts ?? null };
}

/** The legal commitment's reference for a project: one per project and exercise. */
export function commitmentRefFor(projectId: string, year: number): string {
  return `EJ-${year}-${projectId}`;
}

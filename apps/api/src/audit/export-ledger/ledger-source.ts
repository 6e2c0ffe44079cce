import type { LedgerSource } from '#audit';
import { canSeeEnvelope } from '#funding';
import type { Actor } from '#kernel';
import type { ProjectListQueries } from '#projections';

/**
 * What both ledger exports read for `principal`: the envelope policy (national roles every envelope, finance those of
 * its territory) and the project titles of the projects list.
 */
export function ledgerSourceFor(principal: Actor, projects: ProjectListQueries): LedgerSource {
  return { envelopeFilter: (id) => canSeeEnvelope(principal, id), projectTitles: (ids) => projects.titlesOf(ids) };
}

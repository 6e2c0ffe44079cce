import type { Project } from '#projects';
import type { ProjectParties } from './conflicts.js';

/** The organisations a project involves: its holder, its co-holders, its partners with an identifier. */
export function partiesOfProject(project: Pick<Project, 'content'>): ProjectParties {
  const { holder, coHolders, partners } = project.content;
  return {
    holder: holder.organisationId,
    // Absent in a state folded before co-holders existed.
    coHolders: (coHolders ?? []).map((h) => h.organisationId),
    partners: partners.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
  };
}

import type { Project } from '#projects';
import type { ProjectParties } from './conflicts.js';

/** The organisations a project involves: its holder, its co-holders (none recorded yet), its partners with an identifier. */
export function partiesOfProject(project: Pick<Project, 'content'>): ProjectParties {
  const { holder, partners } = project.content;
  return {
    holder: holder.organisationId,
    coHolders: [],
    partners: partners.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
  };
}

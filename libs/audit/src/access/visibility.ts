import type { Actor } from '#kernel';
import { canSeeEnvelope as canSeeEnvelopeByPolicy } from '#funding';
import { type Project, canReadProject } from '#projects';

/** The project policy's read rule (libs/projects/src/project.policy.ts), for a folded project. */
export const canSeeProject = (actor: Actor, project: Project): boolean =>
  canReadProject(actor, { declarant: project.declarant, territory: project.content.territory });

/** The envelope policy's read rule (libs/funding/src/envelope.policy.ts). */
export const canSeeEnvelope = (actor: Actor, envelopeId: string): boolean => canSeeEnvelopeByPolicy(actor, envelopeId);

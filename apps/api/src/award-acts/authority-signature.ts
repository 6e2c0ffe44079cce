import type { AwardActSignature } from '#awards';
import type { Actor } from '#kernel';
import type { Project } from '#projects';
import type { SignatoryAuthority } from '../projects/sign-decision/signing-authority.service.js';

/**
 * The authority's signature of an act or of its amendment: one of the signatory's habilitations covers `award_act.sign`
 * for the project's département on the day, in its own right or under a delegation (403 naming what is missing).
 */
export async function authoritySignature(
  authority: SignatoryAuthority,
  signatory: Actor,
  now: Date,
  project: Project,
): Promise<AwardActSignature> {
  const found = await authority.forAct(signatory, now, {
    kind: 'award_act.sign',
    program: project.program,
    departement: project.content.territory.departement,
  });
  return {
    signatory: signatory.id,
    capacity: found.capacity,
    ...(found.delegationId ? { delegationId: found.delegationId } : {}),
    ...(found.actReference ? { actReference: found.actReference } : {}),
  };
}

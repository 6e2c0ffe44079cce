import { type Projection, projectListProjection } from '#projections';

/** Every read model this API replica maintains. */
export function allProjections(): Projection[] {
  return [projectListProjection];
}

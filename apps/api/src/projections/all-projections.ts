import type { Projection } from '#projections';

/** Every read model this API replica maintains. */
export function allProjections(): Projection[] {
  return [];
}

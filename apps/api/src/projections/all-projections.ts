import {
  dailySeriesProjection,
  decisionsProjection,
  delegationsProjection,
  directoryProjection,
  envelopeBalancesProjection,
  funnelProjection,
  type Projection,
  projectListProjection,
  workloadProjection,
} from '#projections';

/** Every read model this API replica maintains (and `projections rebuild` can rebuild): the directory's and the others. */
export function allProjections(): Projection[] {
  return [directoryProjection, ...readModelProjections()];
}

/** The read models the projection runner drives (the directory has its own runner: authorisations wait for it alone). */
export function readModelProjections(): Projection[] {
  return [
    projectListProjection,
    funnelProjection,
    envelopeBalancesProjection,
    workloadProjection,
    decisionsProjection,
    dailySeriesProjection,
    delegationsProjection,
  ];
}

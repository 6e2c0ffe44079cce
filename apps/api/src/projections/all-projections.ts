import {
  dailySeriesProjection,
  decisionsProjection,
  delegationsProjection,
  envelopeBalancesProjection,
  funnelProjection,
  type Projection,
  projectListProjection,
  workloadProjection,
} from '#projections';

/** Every read model this API replica maintains (and `projections rebuild` can rebuild). */
export function allProjections(): Projection[] {
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

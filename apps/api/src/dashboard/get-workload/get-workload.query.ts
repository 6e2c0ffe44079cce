import { Query } from '@nestjs/cqrs';
import type { WorkloadRow } from '#projections';

export interface WorkloadView {
  /** The instant the ages and deadlines are counted at. */
  asOf: string;
  items: WorkloadRow[];
}

/** The validators' queue per territory of `level` (région by default), for `program`. */
export class GetWorkload extends Query<WorkloadView> {
  constructor(
    readonly level?: string,
    readonly program?: string,
  ) {
    super();
  }
}

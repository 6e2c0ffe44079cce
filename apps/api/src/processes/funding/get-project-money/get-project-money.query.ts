import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '#event-store';

export interface ProjectMoney {
  /** The project's award act events and the money events of its commitments, in log order. */
  events: RecordedEvent[];
  /** The label each envelope was opened with, by envelope id. */
  envelopeLabels: Map<string, string>;
}

/**
 * Where a project's money is, read from the log: its act stream, and the events of its commitments on the envelopes its acts
 * draw on (or, before award acts, the one the funding process recorded). For a reader who may already see the project.
 */
export class GetProjectMoney extends Query<ProjectMoney> {
  constructor(readonly projectId: string) {
    super();
  }
}

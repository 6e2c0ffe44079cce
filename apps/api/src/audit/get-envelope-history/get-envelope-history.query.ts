import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { HistoryPage, HistoryPaging } from '../history-page.js';

export interface EnvelopeHistory extends HistoryPage {
  envelopeId: string;
  /** The envelope's name in French, from its id. */
  name: string;
}

/** A page of an envelope's every event (credits, commitments, payments…), if the principal may see the envelope. */
export class GetEnvelopeHistory extends Query<EnvelopeHistory> {
  constructor(
    readonly envelopeId: string,
    readonly principal: Actor,
    readonly paging: HistoryPaging,
  ) {
    super();
  }
}

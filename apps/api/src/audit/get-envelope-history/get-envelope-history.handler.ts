import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { assertCanSeeEnvelope, envelopeNotFound, envelopeStreamId } from '#funding';
import { envelopeName } from '#audit';
import { historyPage } from '../history-page.js';
import { type EnvelopeHistory, GetEnvelopeHistory } from './get-envelope-history.query.js';

@QueryHandler(GetEnvelopeHistory)
export class GetEnvelopeHistoryHandler implements IQueryHandler<GetEnvelopeHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ envelopeId: id, principal, paging }: GetEnvelopeHistory): Promise<EnvelopeHistory> {
    const streamId = envelopeStreamId(id);
    assertCanSeeEnvelope(principal, id);
    const history = await this.store.readStream(streamId);
    if (history.length === 0) throw envelopeNotFound(id);
    return { envelopeId: id, name: envelopeName(id), ...historyPage(streamId, history, paging) };
  }
}

import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { asOfLabel, envelopeAsOf, parseAsOf } from '#audit';
import { assertCanSeeEnvelope, envelopeNotFound, envelopeStreamId } from '#funding';
import { loadEnvelope } from '#funding/application';
import { commitmentPaging, commitmentsPage } from '../envelope-response.js';
import { ListEnvelopeCommitments } from './list-envelope-commitments.query.js';

export interface CommitmentsPageView extends ReturnType<typeof commitmentsPage> {
  envelopeId: string;
  /** Every commitment of the envelope (the pages' total). */
  total: number;
  revision: string;
  position: string;
  asOf?: string;
}

/** Reads the folded state (the events since it was last read), never the whole stream; `asOf` folds the log up to then. */
@QueryHandler(ListEnvelopeCommitments)
export class ListEnvelopeCommitmentsHandler implements IQueryHandler<ListEnvelopeCommitments> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ envelopeId: id, principal, paging, asOf }: ListEnvelopeCommitments): Promise<CommitmentsPageView> {
    envelopeStreamId(id);
    assertCanSeeEnvelope(principal, id);
    const { from, limit } = commitmentPaging(paging);
    if (asOf !== undefined) {
      const at = parseAsOf(asOf);
      const then = await envelopeAsOf(this.store, id, at);
      if (then.state.status === 'none') throw envelopeNotFound(id);
      const page = commitmentsPage(then.state, from, limit);
      const revision = then.revision.toString();
      return {
        envelopeId: id,
        total: then.state.commitments.size,
        ...page,
        revision,
        position: then.position.toString(),
        asOf: asOfLabel(at),
      };
    }
    const folded = await loadEnvelope(this.store, id);
    if (folded.state.status === 'none' || !folded.last) throw envelopeNotFound(id);
    const page = commitmentsPage(folded.state, from, limit);
    const { revision, last } = folded;
    return {
      envelopeId: id,
      total: folded.state.commitments.size,
      ...page,
      revision: revision.toString(),
      position: last.position.toString(),
    };
  }
}

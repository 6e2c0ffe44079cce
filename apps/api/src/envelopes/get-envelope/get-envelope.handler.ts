import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Actor, DomainError } from '#kernel';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { asOfLabel, envelopeAsOf, parseAsOf } from '#audit';
import { assertCanSeeEnvelope, envelopeBalance, envelopeDecider, envelopeNotFound, envelopeStreamId } from '#funding';
import { type EnvelopeView, balanceView, commitmentsView } from '../envelope-response.js';
import { GetEnvelope } from './get-envelope.query.js';

@QueryHandler(GetEnvelope)
export class GetEnvelopeHandler implements IQueryHandler<GetEnvelope> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ envelopeId: id, principal, asOf }: GetEnvelope): Promise<EnvelopeView> {
    const streamId = envelopeStreamId(id);
    assertCanSeeEnvelope(principal, id);
    if (asOf !== undefined) return this.asOf(id, asOf, principal);
    const history = await this.store.readStream(streamId);
    const state = foldRecorded(envelopeDecider, history);
    const balance = envelopeBalance(state);
    if (!balance) throw envelopeNotFound(id);
    const last = history[history.length - 1]!;
    return {
      ...balanceView(balance),
      commitmentList: commitmentsView(state),
      revision: last.revision.toString(),
      position: last.position.toString(),
    };
  }

  /** The envelope as it was at `asOf`, folded from the log. */
  private async asOf(id: string, raw: string, _principal: Actor): Promise<EnvelopeView> {
    const asOf = parseAsOf(raw);
    const then = await envelopeAsOf(this.store, id, asOf);
    if (!then.balance) {
      throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND_AS_OF', `L’enveloppe ${id} n’était pas encore ouverte à ${asOfLabel(asOf)}.`, {
        envelopeId: id,
        asOf: asOfLabel(asOf),
      });
    }
    return {
      ...balanceView(then.balance),
      commitmentList: commitmentsView(then.state),
      revision: then.revision.toString(),
      position: then.position.toString(),
      asOf: asOfLabel(asOf),
    };
  }
}

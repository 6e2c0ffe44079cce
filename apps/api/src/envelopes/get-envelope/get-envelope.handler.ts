import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { EVENT_STORE, type EventStore } from '#event-store';
import { asOfLabel, envelopeAsOf, parseAsOf } from '#audit';
import { type EnvelopeState, assertCanSeeEnvelope, envelopeBalance, envelopeNotFound, envelopeStreamId } from '#funding';
import { loadEnvelope } from '#funding/application';
import { type EnvelopeView, balanceView, commitmentsPage } from '../envelope-response.js';
import { GetEnvelope } from './get-envelope.query.js';

/** The envelope now, from its folded state (the events since it was last read); `asOf`: folded from the log up to then. */
@QueryHandler(GetEnvelope)
export class GetEnvelopeHandler implements IQueryHandler<GetEnvelope> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ envelopeId: id, principal, asOf }: GetEnvelope): Promise<EnvelopeView> {
    envelopeStreamId(id);
    assertCanSeeEnvelope(principal, id);
    if (asOf !== undefined) return this.asOf(id, asOf);
    const folded = await loadEnvelope(this.store, id);
    if (!folded.last) throw envelopeNotFound(id);
    return view(id, folded.state, folded.revision, folded.last.position);
  }

  /** The envelope as it was at `asOf`, folded from the log. */
  private async asOf(id: string, raw: string): Promise<EnvelopeView> {
    const asOf = parseAsOf(raw);
    const then = await envelopeAsOf(this.store, id, asOf);
    if (!then.balance) {
      throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND_AS_OF', `L’enveloppe ${id} n’était pas encore ouverte à ${asOfLabel(asOf)}.`, {
        envelopeId: id,
        asOf: asOfLabel(asOf),
      });
    }
    return { ...view(id, then.state, then.revision, then.position), asOf: asOfLabel(asOf) };
  }
}

function view(id: string, state: EnvelopeState, revision: bigint, position: bigint): EnvelopeView {
  const balance = envelopeBalance(state);
  if (!balance) throw envelopeNotFound(id);
  const { commitments, nextFrom } = commitmentsPage(state);
  return {
    ...balanceView(balance),
    commitmentList: commitments,
    commitmentsNextFrom: nextFrom,
    revision: revision.toString(),
    position: position.toString(),
  };
}

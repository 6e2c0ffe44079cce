import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid } from '#kernel';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { FUNDS, canSeeEnvelope, envelopeBalance, envelopeDecider, envelopeStreamId } from '#funding';
import { EnvelopeBalanceQueries } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { balanceView } from '../envelope-response.js';
import { type EnvelopeList, ListEnvelopes } from './list-envelopes.query.js';

const PARAMETERS = ['fund', 'territory', 'year', 'minPosition'];

@QueryHandler(ListEnvelopes)
export class ListEnvelopesHandler implements IQueryHandler<ListEnvelopes> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EnvelopeBalanceQueries) private readonly envelopes: EnvelopeBalanceQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ principal, filter, minPosition }: ListEnvelopes): Promise<EnvelopeList> {
    for (const key of Object.keys(filter)) {
      if (!PARAMETERS.includes(key))
        throw invalid('VALIDATION_FAILED', key, 'unknown query parameter; allowed: fund, territory, year, minPosition');
    }
    const { fund, territory, year } = filter;
    if (fund !== undefined && !(FUNDS as readonly string[]).includes(fund))
      throw invalid('VALIDATION_FAILED', 'fund', `one of ${FUNDS.join(', ')}`);
    if (territory !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(territory))
      throw invalid('VALIDATION_FAILED', 'territory', 'a territory code such as academie-12');
    if (year !== undefined && !/^\d{4}$/.test(year)) throw invalid('VALIDATION_FAILED', 'year', 'a 4-digit year');
    await this.ryw.waitForPosition(minPosition);
    // The envelope policy decides what the principal sees (the read model only filters by fund, territory and year).
    const ids = this.envelopes
      .ids({ fund, territory, ...(year ? { year: Number(year) } : {}) })
      .filter((id) => canSeeEnvelope(principal, id));
    const envelopes = [];
    for (const id of ids) {
      const balance = envelopeBalance(foldRecorded(envelopeDecider, await this.store.readStream(envelopeStreamId(id))));
      if (!balance) continue;
      const view = balanceView(balance);
      envelopes.push(year ? { ...view, years: view.years.filter((y) => y.year === Number(year)) } : view);
    }
    return { count: envelopes.length, envelopes };
  }
}

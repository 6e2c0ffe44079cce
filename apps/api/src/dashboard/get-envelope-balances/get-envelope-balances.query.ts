import { Query } from '@nestjs/cqrs';
import type { EnvelopeBalanceRow } from '#projections';

/** AE/CP credits, consumption and availability per envelope, filtered by `fund` (fip, fir), `territory` and `year`. */
export class GetEnvelopeBalances extends Query<{ items: EnvelopeBalanceRow[] }> {
  constructor(
    readonly fund?: string,
    readonly territory?: string,
    readonly year?: string,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { EnvelopeBalanceView } from '../envelope-response.js';

export interface EnvelopeList {
  count: number;
  envelopes: EnvelopeBalanceView[];
}

/** The envelopes the principal may see, by fund, territory code and year (raw query values, checked by the handler). */
export class ListEnvelopes extends Query<EnvelopeList> {
  constructor(
    readonly principal: Actor,
    readonly filter: Record<string, string | undefined>,
    readonly minPosition?: string,
  ) {
    super();
  }
}

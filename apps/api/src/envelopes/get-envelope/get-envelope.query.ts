import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { EnvelopeView } from '../envelope-response.js';

/** An envelope as the principal may see it: folded from its stream now, or as it was at `asOf`. */
export class GetEnvelope extends Query<EnvelopeView> {
  constructor(
    readonly envelopeId: string,
    readonly principal: Actor,
    readonly asOf?: string,
  ) {
    super();
  }
}

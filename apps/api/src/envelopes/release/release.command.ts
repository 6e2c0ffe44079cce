import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Release (désengagement) the unused part of a commitment. */
export class ReleaseEnvelopeCommitment extends EnvelopeOperation<OrderOf<'ReleaseCommitment'>> {}

import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** The public accountant collects (part of) a recovery order. */
export class CollectEnvelopeRecovery extends EnvelopeOperation<OrderOf<'CollectRecovery'>> {}

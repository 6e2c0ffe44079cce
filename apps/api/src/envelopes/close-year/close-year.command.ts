import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Close the current exercise of an envelope. */
export class CloseEnvelopeYear extends EnvelopeOperation<OrderOf<'CloseYear'>> {}

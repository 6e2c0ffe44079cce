import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Pay an instalment of a commitment. */
export class PayEnvelopeInstalment extends EnvelopeOperation<OrderOf<'PayInstalment'>> {}

import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Record a reversement (recovery order) on a commitment. */
export class RecoverPayment extends EnvelopeOperation<OrderOf<'Recover'>> {}

import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** The ordonnateur orders the payment of a certified instalment (liquidation and ordonnancement). */
export class OrderEnvelopePayment extends EnvelopeOperation<OrderOf<'OrderPayment'>> {}

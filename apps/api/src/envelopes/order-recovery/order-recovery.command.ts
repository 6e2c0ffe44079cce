import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Issue a recovery order (titre de perception for the FIP, titre de recettes for the FIR) on a commitment. */
export class OrderEnvelopeRecovery extends EnvelopeOperation<OrderOf<'OrderRecovery'>> {}

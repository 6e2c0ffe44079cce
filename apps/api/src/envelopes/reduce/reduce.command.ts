import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Reduce the credits of the current year. */
export class ReduceEnvelopeCredits extends EnvelopeOperation<OrderOf<'ReduceCredits'>> {}

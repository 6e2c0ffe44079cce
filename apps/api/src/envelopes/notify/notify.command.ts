import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Notify (or increase) the credits of the current year. */
export class NotifyEnvelopeCredits extends EnvelopeOperation<OrderOf<'NotifyCredits'>> {}

import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Set, change or remove the indicative split of the AE. */
export class SetEnvelopeSplit extends EnvelopeOperation<OrderOf<'SetSplit'>> {}

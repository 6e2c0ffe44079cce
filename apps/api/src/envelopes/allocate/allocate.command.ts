import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Allocate AE and CP to a child envelope: two steps, the parent then the child. */
export class AllocateToChildEnvelope extends EnvelopeOperation<OrderOf<'AllocateToChild'>> {}

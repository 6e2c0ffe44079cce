import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Transfer AE and CP to a sibling envelope: two steps, the source then the target. */
export class TransferToSiblingEnvelope extends EnvelopeOperation<OrderOf<'TransferToSibling'>> {}

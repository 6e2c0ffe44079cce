import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Certify service done (service fait) on a commitment. */
export class CertifyServiceDone extends EnvelopeOperation<OrderOf<'RecordServiceDone'>> {}

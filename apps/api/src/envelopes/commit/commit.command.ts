import { EnvelopeOperation } from '../envelope-operation.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** A legal commitment (engagement juridique) for a project of the envelope's territory. */
export class CommitToProject extends EnvelopeOperation<OrderOf<'Commit'>> {}

import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { EnvelopeWrite } from '../envelope-command.runner.js';
import type { OrderOf } from '../requests/envelope-order.js';

/** Open an envelope; its id comes from its fund, territory and period. */
export class OpenEnvelope extends Command<EnvelopeWrite> {
  constructor(
    readonly order: OrderOf<'OpenEnvelope'>,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

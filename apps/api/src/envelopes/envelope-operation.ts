import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { EnvelopeWrite } from './envelope-command.runner.js';
import type { EnvelopeOrder } from './requests/envelope-order.js';

/** An operation on an envelope: its id, what the caller asks (no request id, no context) and who asks with which key. */
export abstract class EnvelopeOperation<O extends EnvelopeOrder> extends Command<EnvelopeWrite> {
  constructor(
    readonly envelopeId: string,
    readonly order: O,
    readonly meta: CommandMeta,
    /** The decision's time when the caller fixes it (the funding process: its trigger's); now otherwise. */
    readonly at?: Date,
  ) {
    super();
  }
}

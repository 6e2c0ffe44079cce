import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, organisationStreamOf } from '#directory';
import { EVENT_STORE, type EventStore } from '#event-store';
import { invalid } from '#kernel';
import { normalizeIdentifier } from '#territories';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { type DirectoryWritten, directoryWritten } from '../directory-written.js';
import { SetPayee } from './set-payee.command.js';

@CommandHandler(SetPayee)
export class SetPayeeHandler implements ICommandHandler<SetPayee> {
  constructor(
    @Inject(CommandShell) private readonly shell: CommandShell,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ organisationId, payee, meta }: SetPayee): Promise<DirectoryWritten> {
    if (payee.kind === 'paying_organisation') await this.assertRegistered(normalizeIdentifier(payee.organisationId));
    const result = await this.shell.run({
      streamId: organisationStreamOf(organisationId),
      decider: organisationDecider,
      command: { type: 'SetPayee', organisationId, payee, actor: meta.principal },
      name: 'organisation.set_payee',
      inputs: { organisationId, payee },
      meta,
    });
    return directoryWritten(organisationId, result);
  }

  /** The body paying for a school (its commune, its EPLE) must be in the directory, with its own payee details. */
  private async assertRegistered(paying: string): Promise<void> {
    if ((await this.store.readStream(organisationStreamOf(paying))).length > 0) return;
    throw invalid('VALIDATION_FAILED', 'payee.organisationId', 'registered-organisation', {
      detail: `L’organisme payeur ${paying} n’est pas enregistré : enregistrez-le d’abord (POST /organisations).`,
    });
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertCanSignAwardAct } from '#awards';
import { EVENT_STORE, type EventStore } from '#event-store';
import { parseEnvelopeId } from '#funding';
import { commitmentOfAct } from '#funding/application';
import { SignatoryAuthority } from '../../projects/sign-decision/signing-authority.service.js';
import { authoritySignature } from '../authority-signature.js';
import { AwardActCommandRunner, type AwardActWritten } from '../award-act-command.runner.js';
import { AwardActPayeeResolver } from '../award-act-payee.js';
import { AwardActReader } from '../award-act.reader.js';
import { AmendAwardAct, CountersignAwardActAmendment } from './amend-award-act.command.js';

/**
 * An amendment is signed as the act was (a habilitation covering `award_act.sign` for the project's département, in
 * its own right or by delegation). The handler reads what the act's EJ certified (a reduction never goes below it), the
 * envelope's period (an extension stays within it) and the new payee from the directory.
 */
@CommandHandler(AmendAwardAct)
export class AmendAwardActHandler implements ICommandHandler<AmendAwardAct> {
  constructor(
    @Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner,
    @Inject(AwardActReader) private readonly reader: AwardActReader,
    @Inject(SignatoryAuthority) private readonly authority: SignatoryAuthority,
    @Inject(AwardActPayeeResolver) private readonly payees: AwardActPayeeResolver,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ projectId, terms, meta }: AmendAwardAct): Promise<AwardActWritten> {
    const now = this.acts.now();
    assertCanSignAwardAct(meta.principal);
    const { project } = await this.reader.project(projectId);
    const act = await this.reader.current(projectId);
    const signature = await authoritySignature(this.authority, meta.principal, now, project);
    const c = await commitmentOfAct(this.store, act);
    const certifiedByInstalment = Object.fromEntries(Object.entries(c?.lines ?? {}).map(([n, l]) => [n, l.certified]));
    const payee = terms.payeeOrganisationId ? await this.payees.of(terms.payeeOrganisationId) : undefined;
    const facts = { certifiedByInstalment, envelopePeriod: parseEnvelopeId(act.envelopeId)!.period, ...(payee ? { payee } : {}) };
    const { payeeOrganisationId: _named, ...rest } = terms;
    return this.acts.run(
      projectId,
      'award_act.amend',
      terms,
      meta,
      (ctx) => ({ type: 'AmendAwardAct', projectId, ...rest, signature, facts, ctx }),
      now,
    );
  }
}

@CommandHandler(CountersignAwardActAmendment)
export class CountersignAwardActAmendmentHandler implements ICommandHandler<CountersignAwardActAmendment> {
  constructor(@Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner) {}

  execute({ projectId, number, meta }: CountersignAwardActAmendment): Promise<AwardActWritten> {
    return this.acts.run(projectId, 'award_act.countersign_amendment', { number }, meta, (ctx) => ({
      type: 'CountersignAmendment',
      projectId,
      number,
      ctx,
    }));
  }
}

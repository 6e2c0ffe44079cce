import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertCanSignAwardAct } from '#awards';
import { SignatoryAuthority } from '../../projects/sign-decision/signing-authority.service.js';
import { authoritySignature } from '../authority-signature.js';
import { AwardActCommandRunner, type AwardActWritten } from '../award-act-command.runner.js';
import { AwardActReader } from '../award-act.reader.js';
import { SignAwardAct } from './sign-award-act.command.js';

/**
 * The signature is checked as a decision's is: one of the signatory's habilitations covers `award_act.sign` for the
 * project's département and the day, in its own right or under a delegation of signature (403 naming what is missing).
 */
@CommandHandler(SignAwardAct)
export class SignAwardActHandler implements ICommandHandler<SignAwardAct> {
  constructor(
    @Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner,
    @Inject(AwardActReader) private readonly reader: AwardActReader,
    @Inject(SignatoryAuthority) private readonly authority: SignatoryAuthority,
  ) {}

  async execute({ projectId, meta }: SignAwardAct): Promise<AwardActWritten> {
    const now = this.acts.now();
    assertCanSignAwardAct(meta.principal);
    const { project } = await this.reader.project(projectId);
    await this.reader.current(projectId);
    const signature = await authoritySignature(this.authority, meta.principal, now, project);
    return this.acts.run(projectId, 'award_act.sign', {}, meta, (ctx) => ({ type: 'SignAwardAct', projectId, signature, ctx }), now);
  }
}

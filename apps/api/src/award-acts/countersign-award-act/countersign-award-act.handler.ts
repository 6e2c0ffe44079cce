import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AwardActCommandRunner, type AwardActWritten } from '../award-act-command.runner.js';
import { CountersignAwardAct } from '../sign-award-act/sign-award-act.command.js';

@CommandHandler(CountersignAwardAct)
export class CountersignAwardActHandler implements ICommandHandler<CountersignAwardAct> {
  constructor(@Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner) {}

  execute({ projectId, meta }: CountersignAwardAct): Promise<AwardActWritten> {
    return this.acts.run(projectId, 'award_act.countersign', {}, meta, (ctx) => ({ type: 'CountersignAwardAct', projectId, ctx }));
  }
}

import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { WorkflowRegistry } from '#workflow';
import { LOGGER } from '../infrastructure/tokens.js';
import { DeadlinesModule } from '../processes/deadlines/deadlines.module.js';
import { GetProgramWorkflowHandler } from './get-program-workflow/get-program-workflow.handler.js';
import { GetProgramWorkflowHttp } from './get-program-workflow/get-program-workflow.http.js';
import { ListProgramsHandler } from './list-programs/list-programs.handler.js';
import { ListProgramsHttp } from './list-programs/list-programs.http.js';
import { PROGRAM_REGISTRY_PROVIDERS, PROJECT_DECIDER } from './program-registry.provider.js';

/**
 * The programs' workflow definitions, checked when the application starts: a bad one makes the
 * WorkflowRegistry factory throw, which stops start-up with the definition and the fault named.
 * Brings the deadline process that runs their timeouts, and the two reads of the definitions (query slices).
 */
@Module({
  imports: [DeadlinesModule],
  controllers: [ListProgramsHttp, GetProgramWorkflowHttp],
  providers: [...PROGRAM_REGISTRY_PROVIDERS, ListProgramsHandler, GetProgramWorkflowHandler],
  exports: [WorkflowRegistry, PROJECT_DECIDER],
})
export class ProgramsModule implements OnModuleInit {
  constructor(
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const loaded = this.registry.programs().map((p) => `${this.registry.latest(p).id} v${this.registry.versions(p).join(',')}`);
    this.logger.info({ workflows: loaded }, 'workflow definitions checked');
  }
}

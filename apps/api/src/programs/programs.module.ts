import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { WorkflowRegistry } from '#workflow';
import { LOGGER } from '../infrastructure/tokens.js';
import { DeadlinesModule } from '../processes/deadlines/deadlines.module.js';
import { PROGRAM_REGISTRY_PROVIDERS, PROJECT_DECIDER } from './program-registry.provider.js';
import { ProgramsHttp } from './programs.http.js';

/**
 * The programs' workflow definitions, checked when the application starts: a bad one makes the
 * WorkflowRegistry factory throw, which stops start-up with the definition and the fault named.
 * Brings the deadline process that runs their timeouts.
 */
@Module({
  imports: [DeadlinesModule],
  controllers: [ProgramsHttp],
  providers: PROGRAM_REGISTRY_PROVIDERS,
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

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DeadlinesModule } from '../processes/deadlines/deadlines.module.js';
import { FundingModule } from '../processes/funding/funding-process.module.js';
import { HealthController } from './health.controller.js';
import { ConsumerStatuses } from './consumer-statuses.js';
import { RefondaHealthIndicators } from './refonda-health.indicators.js';

@Module({
  // A failed check is an answer (503), not an application error: terminus does not log it.
  imports: [TerminusModule.forRoot({ logger: false }), DeadlinesModule, FundingModule],
  controllers: [HealthController],
  providers: [RefondaHealthIndicators, ConsumerStatuses],
  exports: [ConsumerStatuses],
})
export class HealthModule {}

import { Global, Module } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service.js';

/**
 * Durable deadlines in the API process (see DeadlinesService). Global so that /health can report its status;
 * tests call `app.get(DeadlinesService).tick()` after moving the fake clock.
 */
@Global()
@Module({
  providers: [DeadlinesService],
  exports: [DeadlinesService],
})
export class DeadlinesModule {}

import { Module } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service.js';

/**
 * Durable deadlines in the API process (see DeadlinesService), imported by the application so that /health reports its
 * status; tests call `app.get(DeadlinesService).tick()` after moving the fake clock.
 */
@Module({
  providers: [DeadlinesService],
  exports: [DeadlinesService],
})
export class DeadlinesModule {}

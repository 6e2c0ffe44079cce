import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { Public } from '#auth';
import { ProjectionRunner } from '#projections';
import { FundingProcessRunner } from '#processes';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { DeadlinesService } from '../processes/deadlines/deadlines.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(DeadlinesService) private readonly deadlines?: DeadlinesService,
    @Optional() @Inject(FundingProcessRunner) private readonly funding?: FundingProcessRunner, // funding process
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Store, projections and processes (deadlines) status: position, lag, errors (503 if one has failed or the store is down)',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    let head: bigint | undefined;
    let storeError: string | undefined;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      storeError = (error as Error).message;
    }
    const projections = this.runner.status().map((p) => ({
      ...p,
      lag: head === undefined ? null : Number(head - BigInt(p.position)),
    }));
    const deadlines = this.deadlines?.status();
    const processes = deadlines
      ? { deadlines: { ...deadlines, lag: head === undefined ? null : Number(head - BigInt(deadlines.position)) } }
      : {};
    // --- funding process (apps/api/src/processes/funding): position, lag, and the error that stopped it (503) ---
    const fundingStatus = this.funding?.status();
    const funding = fundingStatus && { ...fundingStatus, lag: head === undefined ? null : Number(head - BigInt(fundingStatus.position)) };
    // --- end funding process ---
    const ok =
      !storeError && projections.every((p) => p.state !== 'failed') && deadlines?.state !== 'failed' && funding?.state !== 'failed';
    reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      replica: this.config.replicaId,
      store: {
        kind: this.config.eventStore.kind,
        status: storeError ? 'down' : 'up',
        headPosition: head?.toString() ?? null,
        ...(storeError ? { error: storeError } : {}),
      },
      projections,
      processes: { ...processes, ...(funding ? { funding } : {}) },
    };
  }
}

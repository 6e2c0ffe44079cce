import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';
import type { DomainErrorCategory } from '#kernel';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const METRIC_PROVIDERS = [
  makeCounterProvider({ name: 'refonda_commands_total', help: 'Commands run, by command and outcome', labelNames: ['command', 'outcome'] }),
  makeHistogramProvider({
    name: 'refonda_command_duration_seconds',
    help: 'Command latency (read, fold, decide, append), by command and outcome',
    labelNames: ['command', 'outcome'],
    buckets: SECONDS,
  }),
  makeHistogramProvider({ name: 'refonda_append_duration_seconds', help: 'Event-store append latency', buckets: SECONDS }),
  makeHistogramProvider({
    name: 'refonda_group_commit_appends',
    help: 'Appends written per group commit (one transaction, one fsync) of the embedded store',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  }),
  makeGaugeProvider({
    name: 'refonda_consumer_lag_events',
    help: 'Events between the log head and a projection or process checkpoint',
    labelNames: ['consumer'],
  }),
  makeGaugeProvider({
    name: 'refonda_consumer_failed',
    help: '1 when a projection or process has stopped on an error',
    labelNames: ['consumer'],
  }),
  makeGaugeProvider({ name: 'refonda_sse_clients', help: 'Dashboard clients connected to the live stream' }),
  makeCounterProvider({
    name: 'refonda_requests_refused_total',
    help: 'Requests refused by a limit: rate limit (429), request timeout (408), connection cap',
    labelNames: ['limit'],
  }),
];

/** Outcome label of a command: ok, replayed, the problem category that refused it (DomainErrorCategory), or error. */
export type CommandOutcome = 'ok' | 'replayed' | DomainErrorCategory | 'error';

/** What the application records; the Prometheus objects stay behind it. */
@Injectable()
export class RefondaMetrics {
  constructor(
    @InjectMetric('refonda_commands_total') private readonly commands: Counter<'command' | 'outcome'>,
    @InjectMetric('refonda_command_duration_seconds') private readonly commandSeconds: Histogram<'command' | 'outcome'>,
    @InjectMetric('refonda_append_duration_seconds') private readonly appendSeconds: Histogram,
    @InjectMetric('refonda_group_commit_appends') private readonly groupSize: Histogram,
    @InjectMetric('refonda_consumer_lag_events') readonly consumerLag: Gauge<'consumer'>,
    @InjectMetric('refonda_consumer_failed') readonly consumerFailed: Gauge<'consumer'>,
    @InjectMetric('refonda_sse_clients') readonly sseClients: Gauge,
    @InjectMetric('refonda_requests_refused_total') private readonly limitRefusals: Counter<'limit'>,
  ) {}

  commandRan(command: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ command, outcome });
    this.commandSeconds.observe({ command, outcome }, seconds);
  }

  appended(seconds: number): void {
    this.appendSeconds.observe(seconds);
  }

  groupCommitted(appends: number): void {
    this.groupSize.observe(appends);
  }

  /** `limit`: anonymous, token, write, as-of (429s), request-timeout (408), connection-cap. */
  refused(limit: string): void {
    this.limitRefusals.inc({ limit });
  }
}

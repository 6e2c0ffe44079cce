import { Global, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { HealthModule } from '../health/health.module.js';
import { ConsumerGauges } from './consumer-gauges.js';
import { MetricsController } from './metrics.controller.js';
import { METRIC_PROVIDERS, RefondaMetrics } from './refonda.metrics.js';

/** Prometheus metrics (GET /metrics); RefondaMetrics is infrastructure every command and the store report to. */
@Global()
@Module({
  imports: [
    PrometheusModule.register({ controller: MetricsController, path: '/metrics', defaultMetrics: { enabled: true } }),
    DashboardModule,
    HealthModule,
  ],
  providers: [...METRIC_PROVIDERS, RefondaMetrics, ConsumerGauges],
  // The controller lives in PrometheusModule: what it injects comes from this global module.
  exports: [RefondaMetrics, ConsumerGauges],
})
export class MetricsModule {}

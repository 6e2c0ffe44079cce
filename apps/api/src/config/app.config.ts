import { join, resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import type { EventStoreConfig } from '#event-store';
import { type ConventionRule, DEFAULT_CONVENTION_RULE } from '#awards';
import { parseAmount } from '#funding';
import { ConfigError, type Environment, isTrue, LOG_LEVELS, validateEnvironment } from './environment.schema.js';

export { ConfigError } from './environment.schema.js';
import { loadSecurityConfig, type SecurityConfig } from './security.config.js';
import { type LimitsConfig, loadLimitsConfig } from './limits.config.js';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreConfig;
  /** The process-local read-model file (one per API replica). */
  readModelPath: string;
  /** People's names and contact details: outside the log (which cannot be edited), where they can be corrected or erased. */
  peoplePath: string;
  publicDashboard: boolean;
  demoData: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  replicaId: string;
  /** Upper bound of a read-your-writes wait (minPosition). */
  maxReadWaitMs: number;
  /** Static bearer token for GET /metrics; undefined: only an admin token reads the metrics. */
  metricsToken?: string;
  security: SecurityConfig;
  limits: LimitsConfig;
  /** When an award act is a convention rather than an arrêté (CONVENTION_ABOVE_EUROS). */
  conventionRule: ConventionRule;
}

function toAppConfig(env: Environment, raw: NodeJS.ProcessEnv): AppConfig {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const replicaId = env.REPLICA_ID ?? 'main';
  const kind = env.STORE ?? 'sqlite';
  const security = loadSecurityConfig(raw);
  // Demo projects written into a production log could never be taken out of it.
  const demoData = isTrue(env.DEMO_DATA, security.mode === 'demo');
  if (demoData && security.mode === 'production') {
    throw new ConfigError('DEMO_DATA', 'false when MODE=production (demo data would stay in the real log for good)', raw.DEMO_DATA);
  }
  return {
    port: env.PORT ?? 3000,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    eventStore: {
      kind,
      sqlitePath: env.EVENT_STORE_PATH ?? join(dataDir, 'events.sqlite'),
      connectionString: env.EVENTSTORE_CONNECTION_STRING,
    },
    readModelPath: env.READ_MODEL_PATH ?? join(dataDir, `read-models-${replicaId}.sqlite`),
    peoplePath: join(dataDir, 'people.sqlite'),
    publicDashboard: isTrue(env.PUBLIC_DASHBOARD, true),
    demoData,
    logLevel: env.LOG_LEVEL ?? 'info',
    replicaId,
    maxReadWaitMs: env.MAX_READ_WAIT_MS ?? 5000,
    metricsToken: env.METRICS_TOKEN,
    security,
    limits: loadLimitsConfig(raw),
    conventionRule: {
      ...DEFAULT_CONVENTION_RULE,
      ...(env.CONVENTION_ABOVE_EUROS ? { aboveAnnualCents: parseAmount(env.CONVENTION_ABOVE_EUROS, 'CONVENTION_ABOVE_EUROS') } : {}),
    },
  };
}

/** Reads and checks the environment once at start; a wrong value stops start-up naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return toAppConfig(validateEnvironment(env), env);
}

/** The `refonda` namespace of ConfigService: the checked AppConfig of this application instance. */
export const refondaConfig = (config: AppConfig) => registerAs('refonda', () => config);

import { join, resolve } from 'node:path';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '#event-store';
import { type LimitsConfig, loadLimitsConfig } from './limits.config.js';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreConfig;
  /** The process-local read-model file (one per API replica). */
  readModelPath: string;
  /** Undefined in demo mode: a secret is generated once into DATA_DIR. */
  jwtSecret?: string;
  publicDashboard: boolean;
  demoData: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  replicaId: string;
  /** Upper bound of a read-your-writes wait (minPosition). */
  maxReadWaitMs: number;
  limits: LimitsConfig;
}

export class ConfigError extends Error {
  constructor(variable: string, rule: string, value: string | undefined) {
    super(`configuration: ${variable}=${JSON.stringify(value ?? '')} is invalid: ${rule}`);
    this.name = 'ConfigError';
  }
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  return Number(raw);
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!['true', 'false', '1', '0'].includes(raw)) throw new ConfigError(name, 'true or false', raw);
  return raw === 'true' || raw === '1';
}

/** Reads and checks the environment once at start; a wrong value stops start-up naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.DATA_DIR || './data');
  const replicaId = env.REPLICA_ID || 'main';
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(replicaId)) throw new ConfigError('REPLICA_ID', 'letters, digits, - or _ (1-32)', replicaId);
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', LEVELS.join(' | '), env.LOG_LEVEL);
  const jwtSecret = env.JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'at least 32 characters', '<hidden>');
  let eventStore: EventStoreConfig;
  try {
    eventStore = eventStoreConfigFromEnv({ ...env, DATA_DIR: dataDir });
  } catch (error) {
    throw new ConfigError('STORE', (error as Error).message, env.STORE);
  }
  if (eventStore.kind === 'eventstoredb' && !eventStore.connectionString) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'required when STORE=eventstoredb', undefined);
  }
  return {
    port: int(env, 'PORT', 3000, 1, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    eventStore,
    readModelPath: env.READ_MODEL_PATH || join(dataDir, `read-models-${replicaId}.sqlite`),
    jwtSecret,
    publicDashboard: bool(env, 'PUBLIC_DASHBOARD', true),
    demoData: bool(env, 'DEMO_DATA', true),
    logLevel,
    replicaId,
    maxReadWaitMs: int(env, 'MAX_READ_WAIT_MS', 5000, 0, 60000),
    limits: loadLimitsConfig(env),
  };
}

import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app.config.js';
import { ConfigError } from './environment.schema.js';

const refusal = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('accepted');
};

describe('the Environment schema', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'an integer from 1 to 65535'],
    [{ PORT: '1e3' }, 'PORT', 'an integer from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT', 'an integer from 1 to 65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'fatal | error | warn | info | debug | trace | silent'],
    [{ REPLICA_ID: 'a b' }, 'REPLICA_ID', 'letters, digits'],
    [{ STORE: 'mongo' }, 'STORE', 'sqlite | eventstoredb'],
    [{ STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING', 'required when STORE=eventstoredb'],
    [{ MAX_READ_WAIT_MS: '-1' }, 'MAX_READ_WAIT_MS', 'an integer from 0 to 60000'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA', 'true or false'],
  ])('%j is refused naming %s', (env, variable, rule) => {
    const error = refusal(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(rule);
  });

  it('checks the limits and security variables at the same start: one refusal naming the variable', () => {
    expect(refusal({ RATE_LIMIT_WRITE_MAX: 'many' }).message).toBe(
      'configuration: RATE_LIMIT_WRITE_MAX="many" is invalid: an integer from 1 to 10000000',
    );
    expect(refusal({ MODE: 'staging' }).message).toBe('configuration: MODE="staging" is invalid: demo | production');
    expect(refusal({ TRUST_PROXY: '2' }).variable).toBe('TRUST_PROXY');
  });

  it('loads no demo data in production, by default, and refuses to be told to', () => {
    const production = { MODE: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };
    expect(loadConfig(production).demoData).toBe(false);
    expect(refusal({ ...production, DEMO_DATA: 'true' }).variable).toBe('DEMO_DATA');
    expect(loadConfig({}).demoData).toBe(true);
  });

  it('never prints a secret it refuses', () => {
    const error = refusal({ JWT_SECRET: 'short-secret-value' });
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).not.toContain('short-secret-value');
    expect(refusal({ METRICS_TOKEN: 'tiny' }).message).toContain('<hidden>');
  });

  it('defaults: 127.0.0.1:3000, SQLite in ./data, demo data on; empty variables count as unset', () => {
    const config = loadConfig({ PORT: '', HOST: '', DATA_DIR: '/tmp/refonda-x' });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', demoData: true, publicDashboard: true, logLevel: 'info' });
    expect(config.eventStore).toEqual({ kind: 'sqlite', sqlitePath: '/tmp/refonda-x/events.sqlite', connectionString: undefined });
    expect(loadConfig({ DEMO_DATA: '0', PORT: '8080' })).toMatchObject({ demoData: false, port: 8080 });
  });
});

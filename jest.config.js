// Nest 12 is ESM-only: Jest runs in ESM mode (node --experimental-vm-modules) with swc.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

// The EventStoreDB contract suite (*.esdb.spec.ts) runs against EVENTSTORE_CONNECTION_STRING, or in a
// Testcontainers container when a Docker engine answers. Otherwise it is left out of the run and the
// summary says that it did not run and why: those cases are never counted as passed.
const DOCKER_SOCKET = '/var/run/docker.sock';

function dockerAnswers() {
  if (!existsSync(DOCKER_SOCKET)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ socketPath: DOCKER_SOCKET, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

function installed(name) {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function contractCaseCount() {
  const dir = new URL('./libs/event-store/src/contract/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.contract.ts'))
    .reduce((n, f) => n + (readFileSync(new URL(f, dir), 'utf8').match(/^\s*it\(/gm) ?? []).length, 0);
}

async function eventStoreDbNotRun() {
  if (process.env.EVENTSTORE_CONNECTION_STRING) return [];
  const docker = await dockerAnswers();
  if (docker && installed('testcontainers')) return [];
  const why = docker
    ? `EVENTSTORE_CONNECTION_STRING is not set; a Docker engine answers at ${DOCKER_SOCKET} but the testcontainers package is not installed`
    : `EVENTSTORE_CONNECTION_STRING is not set and no Docker engine answers at ${DOCKER_SOCKET}: there is no EventStoreDB server to run against`;
  return [{ what: `EventStoreDB contract suite (${contractCaseCount()} cases, libs/event-store/src/eventstoredb/*.esdb.spec.ts)`, why }];
}

const notRun = await eventStoreDbNotRun();

// Only the project's own libs: packages such as dependency-cruiser resolve their own `#…` subpath imports.
const LIBS = readdirSync(new URL('./libs/', import.meta.url)).join('|');

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
  },
  moduleNameMapper: {
    [`^#(${LIBS})$`]: '<rootDir>/libs/$1/src/index.ts',
    [`^#(${LIBS})/(.+)$`]: '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/support/jest-preload.mjs'],
  // The fixtures of test/architecture are inputs of its rule tests (one is named like a spec), not tests.
  testPathIgnorePatterns: ['/node_modules/', '/test/architecture/fixtures/', ...(notRun.length > 0 ? ['\\.esdb\\.spec\\.ts$'] : [])],
  reporters: ['default', ['<rootDir>/test/support/skipped-summary.reporter.cjs', { notRun }]],
};

import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { parseDocument } from 'yaml';
import { runtimeDeclaration, unsupportedRuntime } from '../../apps/api/src/runtime/supported-runtime.js';

const ROOT = process.cwd();
const declared = runtimeDeclaration(ROOT);
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every addon compiled on this machine (node-gyp output), as opposed to N-API prebuilds shipped in a package. */
function compiledAddons(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === 'Release' || name === 'Debug') {
      found.push(
        ...readdirSync(path)
          .filter((f) => f.endsWith('.node'))
          .map((f) => join(path, f)),
      );
    } else if (!name.startsWith('.')) compiledAddons(path, found);
  }
  return found;
}

describe('the Node.js runtime', () => {
  it('is the version package.json pins, inside the supported range', () => {
    expect(declared.pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(process.version).toBe(`v${declared.pinned}`);
    expect(unsupportedRuntime(process.version, declared)).toBeUndefined();
  });

  it('refuses an unsupported version with a message naming both versions', () => {
    const why = unsupportedRuntime('v20.20.2', declared);
    expect(why).toContain(declared.engines);
    expect(why).toContain('v20.20.2');
  });

  it('is what npm scripts run, even when the shell finds another node first', () => {
    const bin = join(ROOT, 'node_modules', '.bin');
    const PATH = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((p) => p !== bin)
      .join(delimiter);
    const run = spawnSync('npm', ['exec', '--', 'node', '-p', 'process.version'], {
      cwd: ROOT,
      env: { ...process.env, PATH },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`v${declared.pinned}`);
  });

  it('is named alike by the Dockerfile and both compose files', () => {
    expect(read('deploy/Dockerfile')).toMatch(new RegExp(`^ARG NODE_VERSION=${declared.pinned.replaceAll('.', '\\.')}$`, 'm'));
    expect(read('deploy/Dockerfile')).not.toMatch(/^FROM node:(?!\$\{NODE_VERSION\})/m);
    for (const file of ['docker-compose.yml', 'deploy/cluster/docker-compose.yml']) {
      const services = (
        parseDocument(read(file)).toJS({ maxAliasCount: 100 }) as {
          services: Record<string, { build?: { args?: Record<string, string> } }>;
        }
      ).services;
      const built = Object.values(services).filter((s) => s.build);
      expect(built.length).toBeGreaterThan(0);
      for (const service of built) expect(service.build?.args?.NODE_VERSION).toBe(declared.pinned);
    }
    expect(read('README.md')).toContain(`Node.js ${declared.pinned}`);
  });
});

describe('native addons on this runtime', () => {
  it('better-sqlite3 opens a WAL database file and writes to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refonda-runtime-'));
    try {
      const db = new Database(join(dir, 'probe.sqlite'));
      expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
      db.exec('CREATE TABLE t (x INTEGER)');
      db.prepare('INSERT INTO t VALUES (?)').run(42);
      expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every addon compiled at install time loads here (none built for another ABI)', () => {
    const require = createRequire(join(ROOT, 'package.json'));
    for (const addon of compiledAddons(join(ROOT, 'node_modules'))) expect(() => require(addon)).not.toThrow();
  });
});

describe('an entry point started on another Node.js', () => {
  // process.version is overridden before the entry point loads, as if the shell's own Node 20 ran it.
  const asNode20 = 'data:text/javascript,Object.defineProperty(process,"version",{value:"v20.20.2"})';

  it.each(['dist/apps/api/src/main.js', 'dist/apps/cli/src/main.js'])('%s stops with exit 78 and says why', (entry) => {
    const run = spawnSync(process.execPath, ['--import', asNode20, join(ROOT, entry)], { encoding: 'utf8', timeout: 15000 });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain(`Refonda needs Node.js ${declared.engines}`);
    expect(run.stderr).toContain('npm start');
  });
});

// `npm start`: builds if a source changed since the last build, then runs the API until a signal stops it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(ROOT, 'dist/apps/api/src/main.js');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/**
 * Written by `tsc -b`, which rebuilds only when an input (a source, a tsconfig) is newer than it, an output is missing,
 * or the last build had errors.
 */
const BUILD_INFO = join(ROOT, 'dist/tsconfig.build.tsbuildinfo');

const say = (line) => process.stderr.write(`npm start: ${line}\n`);
const builtAt = () => (existsSync(BUILD_INFO) ? statSync(BUILD_INFO).mtimeMs : undefined);

/** `tsc -b`: about 0.1 s when the build is current, a full build (about 5 s) otherwise. Returns tsc's exit code. */
function buildIfStale() {
  const before = builtAt();
  const started = performance.now();
  const tsc = spawnSync(process.execPath, [TSC, '-b', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (tsc.status !== 0) say(`the build failed (tsc exit ${tsc.status ?? tsc.signal}): not starting`);
  else say(builtAt() === before ? `build is current (checked in ${seconds} s)` : `built in ${seconds} s`);
  return tsc.status ?? 1;
}

/**
 * Runs the API in its own process group and passes it one stopping signal. A Ctrl-C reaches the whole foreground
 * group (npm, this launcher, and the server if it were there) and npm forwards it again: the server stops gracefully at
 * its first SIGINT or SIGTERM and ignores the next ones, so it hears only from here, once. A closed terminal (SIGHUP) stops it
 * too. Exits with the server's code.
 */
function serve() {
  const server = spawn(process.execPath, [ENTRY], { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    });
  }
  server.on('error', (error) => {
    say(`could not start the API: ${error.message}`);
    process.exit(1);
  });
  server.on('exit', (code, signal) => process.exit(code ?? 128 + constants.signals[signal]));
}

const built = buildIfStale();
if (built === 0) serve();
else process.exitCode = built;

import { runtimeDeclaration, unsupportedRuntime } from './supported-runtime.js';

// Imported first by each entry point: on another Node.js, a native addon would crash the process
// (better-sqlite3 13 segfaults on Node 20) instead of saying what is wrong. Exit 78: configuration error.
const why = unsupportedRuntime(process.version, runtimeDeclaration());
if (why) {
  process.stderr.write(`${why}\n`);
  process.exit(78);
}

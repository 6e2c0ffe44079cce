import '../../api/src/runtime/require-supported-runtime.js';
import 'reflect-metadata';
import { CliModule } from './cli.module.js';
import { runCli } from './run-cli.js';

/** `npm run cli -- <command> [options]`; `--help` on any command. The commands are listed in cli.module.ts. */
process.exit(await runCli(CliModule));

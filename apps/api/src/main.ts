import './runtime/require-supported-runtime.js';
import { ConfigError, loadConfig } from './config/app.config.js';
import { createLogger } from './infrastructure/pino.logger.js';
import { createApp } from './bootstrap.js';
import { printDemoTokens } from './auth/demo-tokens.js';
import { loadDemoData } from './demo/demo-data.js';
import { baseUrl, startBanner } from './runtime/start-banner.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
const logger = createLogger(config.logLevel, config.replicaId);
const app = await createApp(config, logger);
// SIGTERM/SIGINT: stop accepting, let in-flight commands finish, then close the store (exit 0).
// A second signal (Ctrl-C reaching the process twice, an impatient supervisor) must not kill a shutdown under way.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // Keep-alive connections that finish their request during close would hold it open: close them once idle.
    const server = app.getHttpServer();
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    setTimeout(() => {
      logger.error({ signal }, 'shutdown took over 30 s: exiting');
      process.exit(1);
    }, 30_000).unref();
    app
      .close()
      .finally(() => clearInterval(idle))
      .then(
        () => process.exit(0),
        (error: Error) => {
          logger.error({ err: error.message }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
await app.listen({ port: config.port, host: config.host });
const base = baseUrl(config.host, config.port);
logger.info({ host: config.host, port: config.port, store: config.eventStore.kind, dataDir: config.dataDir }, `Refonda API on ${base}`);
if (config.demoData) await loadDemoData(app, logger);
if (!config.security.jwt.secret) await printDemoTokens(app);
process.stdout.write(startBanner(config, base));

import { ConfigError, loadConfig } from './config/app.config.js';
import { createLogger } from './infrastructure/pino.logger.js';
import { createApp } from './bootstrap.js';
import { printDemoTokens } from './auth/demo-tokens.js';
import { loadDemoData } from './demo/demo-data.js';

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
await app.listen({ port: config.port, host: config.host });
logger.info({ port: config.port, store: config.eventStore.kind, dataDir: config.dataDir }, `Refonda API on http://localhost:${config.port} (docs: /api/docs)`);
if (config.demoData) await loadDemoData(app, logger);
if (!config.jwtSecret) await printDemoTokens(app);

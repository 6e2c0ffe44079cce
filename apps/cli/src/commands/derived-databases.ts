import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The API's databases derived from the log, each holding a checkpoint, as it names them in DATA_DIR for every replica
 * sharing it: read models (read-models-<replica>), deadlines (processes-<replica>), funding (funding-process-<replica>).
 */
const DERIVED = /^(read-models|processes|funding-process)-[A-Za-z0-9_-]+\.sqlite$/;

/** The derived databases of `dataDir` (one with only a -wal left counts), and READ_MODEL_PATH when it is set. */
export function derivedDatabases(dataDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const files = existsSync(dataDir) ? readdirSync(dataDir).map((f) => f.replace(/-(wal|shm|journal)$/, '')) : [];
  const inDataDir = files.filter((f) => DERIVED.test(f)).map((f) => join(dataDir, f));
  return [...new Set([...inDataDir.sort(), ...(env.READ_MODEL_PATH ? [resolve(env.READ_MODEL_PATH)] : [])])];
}

import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ProjectTitleLookup } from '#audit';
import { ProjectListQueries } from '#projections';
import { loadConfig } from '../../../api/src/config/app.config.js';

/**
 * The ledger's project titles from this replica's read models (READ_MODEL_PATH, or DATA_DIR/read-models-<REPLICA_ID>.sqlite),
 * opened read-only; without that file (or before the projects list was built) the title column stays empty.
 */
export async function withProjectTitles<T>(run: (lookup: ProjectTitleLookup | undefined) => Promise<T>): Promise<T> {
  const path = loadConfig(process.env).readModelPath;
  if (!existsSync(path)) return run(undefined);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const built = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projects'").get() !== undefined;
    if (!built) return await run(undefined);
    const projects = new ProjectListQueries(db);
    return await run((ids) => projects.titlesOf(ids));
  } finally {
    db.close();
  }
}

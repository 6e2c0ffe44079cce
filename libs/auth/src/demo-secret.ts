import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataDirectory } from '#event-store';

/** Demo mode: with no JWT_SECRET configured, a secret is generated once into DATA_DIR and reused. */
export function loadOrCreateDemoSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!existsSync(dataDir)) createDataDirectory(dataDir); // an existing one was checked (and warned about) by its creator
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

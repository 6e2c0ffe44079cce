import { JwtService, loadOrCreateDemoSecret } from '#auth';
import type { SecurityConfig } from '../config/security.config.js';

/** The API's and the CLI's token service: the configured keys (or the demo secret of DATA_DIR), on the given clock. */
export function createJwtService(security: SecurityConfig, dataDir: string, now?: () => Date): JwtService {
  const { secret, ...options } = security.jwt;
  return new JwtService(secret ?? loadOrCreateDemoSecret(dataDir), { ...options, now });
}

import { resolve } from 'node:path';
import { Command, Option } from 'nest-commander';
import { isRole, ROLES, type TokenClaims } from '#auth';
import { createJwtService } from '../../../api/src/auth/jwt-service.factory.js';
import { loadSecurityConfig } from '../../../api/src/config/security.config.js';
import { grantClaims } from '../../../api/src/directory/grant-for-token.js';
import { withDirectoryCommands } from '../directory-commands.js';
import { ScopedCommand, type ScopeOptions, scopeOf } from './scope-options.js';

interface TokenOptions extends ScopeOptions {
  role?: string;
  sub?: string;
  capacity?: string;
  ttl: string;
}

/**
 * Prints a bearer token signed with the current key (JWT_SECRET or JWT_SECRET_FILE), or with the demo secret in DATA_DIR;
 * in demo mode, records its habilitation in the directory (elsewhere `grant` does, an administrator's act).
 */
@Command({
  name: 'token',
  description: 'print a bearer token (signed with JWT_SECRET, or the demo secret of DATA_DIR); demo mode also grants its role',
})
export class TokenCommand extends ScopedCommand<TokenOptions> {
  async execute(_params: string[], values: TokenOptions): Promise<number> {
    if (!isRole(values.role)) {
      process.stderr.write(`--role must be one of ${ROLES.join(', ')}\n`);
      return 2;
    }
    const scoped = scopeOf(values);
    if ('bad' in scoped) {
      process.stderr.write(`territory code "${scoped.bad}" is not a code (letters, digits, -)\n`);
      return 2;
    }
    const ttl = Number(values.ttl);
    if (!Number.isInteger(ttl) || ttl <= 0) {
      process.stderr.write('--ttl must be a positive number of seconds\n');
      return 2;
    }
    const security = loadSecurityConfig(process.env);
    const claims: TokenClaims = { sub: values.sub ?? `${values.role}-cli`, role: values.role, scope: scoped.scope };
    // In demo mode the token's habilitation is recorded too, so that it works at once; in production, `grant` does it.
    if (security.mode === 'demo') {
      await withDirectoryCommands((commands) => grantClaims(commands, { ...claims, capacity: values.capacity }, 'cli:token'));
    }
    const jwt = createJwtService(security, resolve(process.env.DATA_DIR || './data'));
    process.stdout.write((await jwt.sign(claims, ttl)) + '\n');
    return 0;
  }

  @Option({ flags: '--role <role>', description: `the token's role: ${ROLES.join(' | ')}` })
  role(value: string): string {
    return value;
  }

  @Option({ flags: '--sub <id>', description: 'subject (default: <role>-cli)' })
  sub(value: string): string {
    return value;
  }

  @Option({ flags: '--capacity <capacity>', description: "a decider's signing capacity (recteur, ia_dasen, dg_ars…)" })
  capacity(value: string): string {
    return value;
  }

  @Option({ flags: '--ttl <seconds>', description: 'lifetime in seconds', defaultValue: '28800' })
  ttl(value: string): string {
    return value;
  }
}

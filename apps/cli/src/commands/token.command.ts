import { resolve } from 'node:path';
import { Command, Option } from 'nest-commander';
import { isRole, ROLES, type TokenClaims } from '#auth';
import { createJwtService } from '../../../api/src/auth/jwt-service.factory.js';
import { loadSecurityConfig } from '../../../api/src/config/security.config.js';
import { CliCommand, collect } from '../cli-command.js';

const CODE = /^[0-9A-Za-z-]{1,16}$/;

interface TokenOptions {
  role?: string;
  sub?: string;
  academie?: string[];
  region?: string[];
  departement?: string[];
  cts?: string[];
  ttl: string;
}

/** Prints a bearer token signed with the current key (JWT_SECRET or JWT_SECRET_FILE), or with the demo secret in DATA_DIR. */
@Command({ name: 'token', description: 'print a bearer token (signed with JWT_SECRET, or the demo secret of DATA_DIR)' })
export class TokenCommand extends CliCommand<TokenOptions> {
  async execute(_params: string[], values: TokenOptions): Promise<number> {
    if (!isRole(values.role)) {
      process.stderr.write(`--role must be one of ${ROLES.join(', ')}\n`);
      return 2;
    }
    const scope: TokenClaims['scope'] = {};
    for (const [key, list] of [
      ['academies', values.academie],
      ['regions', values.region],
      ['departements', values.departement],
      ['cts', values.cts],
    ] as const) {
      if (!list) continue;
      const bad = list.find((c) => !CODE.test(c));
      if (bad) {
        process.stderr.write(`territory code "${bad}" is not a code (letters, digits, -)\n`);
        return 2;
      }
      scope[key] = list;
    }
    const ttl = Number(values.ttl);
    if (!Number.isInteger(ttl) || ttl <= 0) {
      process.stderr.write('--ttl must be a positive number of seconds\n');
      return 2;
    }
    const jwt = createJwtService(loadSecurityConfig(process.env), resolve(process.env.DATA_DIR || './data'));
    process.stdout.write((await jwt.sign({ sub: values.sub ?? `${values.role}-cli`, role: values.role, scope }, ttl)) + '\n');
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

  @Option({ flags: '--academie <code>', description: 'an académie of the scope (repeatable)' })
  academie(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--region <code>', description: 'a region of the scope (repeatable)' })
  region(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--departement <code>', description: 'a département of the scope (repeatable)' })
  departement(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--cts <code>', description: 'a CTS of the scope (repeatable)' })
  cts(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--ttl <seconds>', description: 'lifetime in seconds', defaultValue: '28800' })
  ttl(value: string): string {
    return value;
  }
}

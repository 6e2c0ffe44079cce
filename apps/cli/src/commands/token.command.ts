import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, ROLES, type TokenClaims } from '#auth';
import { createJwtService } from '../../../api/src/auth/jwt-service.factory.js';
import { loadSecurityConfig } from '../../../api/src/config/security.config.js';

const CODE = /^[0-9A-Za-z-]{1,16}$/;

/** Prints a bearer token signed with the current key (JWT_SECRET or JWT_SECRET_FILE), or with the demo secret in DATA_DIR. */
export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      academie: { type: 'string', multiple: true },
      region: { type: 'string', multiple: true },
      departement: { type: 'string', multiple: true },
      cts: { type: 'string', multiple: true },
      ttl: { type: 'string', default: '28800' },
    },
  });
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

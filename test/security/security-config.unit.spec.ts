import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../apps/api/src/config/app.config.js';
import { loadSecurityConfig } from '../../apps/api/src/config/security.config.js';

const SECRET = 'a-production-secret-of-32-characters-at-least';
const OLD = 'the-previous-production-secret-32-chars-min';

describe('loadSecurityConfig: MODE, the JWT keys, the audit key path', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-security-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    chmodSync(path, mode);
    return path;
  };
  const load = (env: NodeJS.ProcessEnv) => loadSecurityConfig({ DATA_DIR: dir, ...env });
  const refusal = (env: NodeJS.ProcessEnv) => {
    try {
      load(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    return 'accepted';
  };

  it('defaults: demo mode, no secret (one is generated into DATA_DIR), issuer refonda, audience refonda-api', () => {
    expect(loadSecurityConfig({ DATA_DIR: dir })).toEqual({
      mode: 'demo',
      jwt: { secret: undefined, previousSecrets: [], previousUntil: undefined, issuer: 'refonda', audience: 'refonda-api' },
      auditKeyPath: join(dir, 'audit-ed25519.pem'),
    });
    expect(refusal({ MODE: 'staging' })).toMatch(/^configuration: MODE="staging" is invalid: demo \| production$/);
  });

  it('in production, a missing or short secret stops start-up naming the variable, never showing the secret', () => {
    expect(refusal({ MODE: 'production' })).toMatch(/^configuration: JWT_SECRET="" is invalid: required when MODE=production/);
    expect(refusal({ MODE: 'production', JWT_SECRET: 'too-short' })).toBe(
      'configuration: JWT_SECRET="<hidden>" is invalid: at least 32 characters',
    );
    expect(load({ MODE: 'production', JWT_SECRET: SECRET }).jwt.secret).toBe(SECRET);
  });

  it('JWT_SECRET_FILE: read and trimmed; in production refused when group or others may read it', () => {
    const loose = file('loose', `${SECRET}\n`, 0o644);
    expect(refusal({ MODE: 'production', JWT_SECRET_FILE: loose })).toBe(
      `configuration: JWT_SECRET_FILE=${JSON.stringify(loose)} is invalid: a file readable by its owner only (chmod 600); it is 644`,
    );
    expect(refusal({ MODE: 'production', JWT_SECRET_FILE: file('group', SECRET, 0o640) })).toMatch(/JWT_SECRET_FILE=.*chmod 600/);
    expect(load({ MODE: 'demo', JWT_SECRET_FILE: loose }).jwt.secret).toBe(SECRET);
    const tight = file('tight', `${SECRET}\n`, 0o600);
    expect(load({ MODE: 'production', JWT_SECRET_FILE: tight }).jwt.secret).toBe(SECRET);
    expect(load({ MODE: 'production', JWT_SECRET_FILE: file('ro', SECRET, 0o400) }).jwt.secret).toBe(SECRET);
    expect(refusal({ MODE: 'production', JWT_SECRET_FILE: file('short', 'short\n', 0o600) })).toMatch(
      /JWT_SECRET_FILE="<hidden>".*at least 32/,
    );
    expect(refusal({ JWT_SECRET_FILE: join(dir, 'missing') })).toMatch(/JWT_SECRET_FILE=.*the path of a readable file/);
    expect(refusal({ JWT_SECRET: SECRET, JWT_SECRET_FILE: tight })).toMatch(
      /JWT_SECRET_FILE=.*set JWT_SECRET or JWT_SECRET_FILE, not both/,
    );
  });

  it('in production, a secret file owned by another user is refused', () => {
    let foreign: string;
    if (process.getuid!() === 0) {
      foreign = file('foreign', SECRET, 0o600);
      chownSync(foreign, 4242, 4242);
    } else foreign = '/etc/passwd'; // owned by root, not by this user
    expect(refusal({ MODE: 'production', JWT_SECRET_FILE: foreign })).toMatch(
      new RegExp(
        `JWT_SECRET_FILE=.* is invalid: a file owned by the user running Refonda \\(uid ${process.getuid!()}\\); its owner is uid`,
      ),
    );
  });

  it('previous secrets verify until a grace end, which they require; each is checked like the current one', () => {
    const until = '2026-03-01T12:00:00Z';
    const jwt = load({ JWT_SECRET: SECRET, JWT_PREVIOUS_SECRETS: `${OLD}, ${OLD}-2`, JWT_PREVIOUS_SECRETS_UNTIL: until }).jwt;
    expect(jwt).toMatchObject({ previousSecrets: [OLD, `${OLD}-2`], previousUntil: new Date(until) });
    const lines = file('previous', `${OLD}\n\n${OLD},with-a-comma\n`, 0o600);
    expect(
      load({ MODE: 'production', JWT_SECRET: SECRET, JWT_PREVIOUS_SECRETS_FILE: lines, JWT_PREVIOUS_SECRETS_UNTIL: until }).jwt
        .previousSecrets,
    ).toEqual([OLD, `${OLD},with-a-comma`]);
    expect(refusal({ JWT_SECRET: SECRET, JWT_PREVIOUS_SECRETS: OLD })).toMatch(/^configuration: JWT_PREVIOUS_SECRETS_UNTIL="" .*required/);
    expect(refusal({ JWT_SECRET: SECRET, JWT_PREVIOUS_SECRETS: 'short', JWT_PREVIOUS_SECRETS_UNTIL: until })).toMatch(
      /JWT_PREVIOUS_SECRETS="<hidden>".*at least 32/,
    );
    for (const bad of ['2026-03-01', 'tomorrow', '2026-13-01T00:00:00Z', '2026-03-01T12:00:00']) {
      expect(refusal({ JWT_SECRET: SECRET, JWT_PREVIOUS_SECRETS: OLD, JWT_PREVIOUS_SECRETS_UNTIL: bad })).toMatch(
        /JWT_PREVIOUS_SECRETS_UNTIL=.*an ISO 8601 date-time with its offset/,
      );
    }
    const loose = file('previous-loose', OLD, 0o644);
    expect(
      refusal({ MODE: 'production', JWT_SECRET: SECRET, JWT_PREVIOUS_SECRETS_FILE: loose, JWT_PREVIOUS_SECRETS_UNTIL: until }),
    ).toMatch(/JWT_PREVIOUS_SECRETS_FILE=.*chmod 600/);
  });

  it('JWT_ISSUER and JWT_AUDIENCE are configuration, checked', () => {
    expect(load({ JWT_ISSUER: 'https://auth.example.fr', JWT_AUDIENCE: 'refonda-recette' }).jwt).toMatchObject({
      issuer: 'https://auth.example.fr',
      audience: 'refonda-recette',
    });
    expect(refusal({ JWT_ISSUER: 'two words' })).toMatch(/^configuration: JWT_ISSUER="two words" is invalid: printable ASCII/);
    expect(refusal({ JWT_AUDIENCE: 'x'.repeat(257) })).toMatch(/^configuration: JWT_AUDIENCE=/);
  });

  it('AUDIT_KEY_PATH may be outside DATA_DIR; in production an existing key file must be the owner’s only', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'refonda-key-holder-'));
    try {
      const keyPath = join(elsewhere, 'anchor-key.pem');
      expect(load({ MODE: 'production', JWT_SECRET: SECRET, AUDIT_KEY_PATH: keyPath }).auditKeyPath).toBe(keyPath);
      writeFileSync(keyPath, 'not read here', { mode: 0o644 });
      expect(refusal({ MODE: 'production', JWT_SECRET: SECRET, AUDIT_KEY_PATH: keyPath })).toMatch(
        /^configuration: AUDIT_KEY_PATH=.*chmod 600/,
      );
      expect(refusal({ MODE: 'demo', AUDIT_KEY_PATH: keyPath })).toBe('accepted');
      chmodSync(keyPath, 0o600);
      expect(refusal({ MODE: 'production', JWT_SECRET: SECRET, AUDIT_KEY_PATH: keyPath })).toBe('accepted');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'test/architecture/fixtures/eslint');

// The project's eslint.config.js; type-aware rules off, since the fixtures are linted under paths that no tsconfig holds.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

/** Lints a fixture's text as if it were the file `asPath`; the rule ids and lines that fired. */
async function lintAs(fixture: string, asPath: string): Promise<{ rule: string | null; line: number }[]> {
  const [result] = await eslint.lintText(readFileSync(join(FIXTURES, fixture), 'utf8'), { filePath: join(ROOT, asPath) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, line: m.line }));
}

describe('ESLint: domain code never reads the clock', () => {
  it.each(['kernel', 'workflow', 'projects', 'funding', 'territories'])('fires on each clock read in libs/%s/src', async (lib) => {
    expect(await lintAs('clock-read.ts', `libs/${lib}/src/deep/clock-read.ts`)).toEqual([
      { rule: 'no-restricted-syntax', line: 2 },
      { rule: 'no-restricted-syntax', line: 3 },
      { rule: 'no-restricted-syntax', line: 4 },
    ]);
  });

  it('lets time from the command context through', async () => {
    expect(await lintAs('clock-from-context.ts', 'libs/kernel/src/clock-from-context.ts')).toEqual([]);
  });

  it.each([
    'libs/funding/src/application/transfer.ts',
    'libs/funding/src/application.ts',
    'libs/funding/src/envelope.idempotency.int.spec.ts',
    'libs/event-store/src/sqlite/sqlite.rows.ts',
    'apps/api/src/main.ts',
  ])('does not apply to %s (an application shell, a spec, or no domain lib)', async (path) => {
    expect(await lintAs('clock-read.ts', path)).toEqual([]);
  });
});

describe('ESLint: no line over 140 characters in .ts files', () => {
  it('fires on the 141-character line only (a line holding a URL may be longer)', async () => {
    expect(await lintAs('long-lines.ts', 'libs/kernel/src/long-lines.ts')).toEqual([{ rule: 'max-len', line: 4 }]);
  });
});

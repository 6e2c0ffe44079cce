import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicHolidaysOf } from './public-holidays.js';

const HERE = dirname(fileURLToPath(import.meta.url));

describe('publicHolidaysOf', () => {
  it('France has its 11 days; Alsace-Moselle two more; each overseas département its abolition day', () => {
    expect(publicHolidaysOf(2025, '75').size).toBe(11);
    expect([...publicHolidaysOf(2025, '68').keys()]).toEqual(expect.arrayContaining(['2025-04-18', '2025-12-26']));
    expect(publicHolidaysOf(2025, '971').get('2025-05-27')).toBe('Abolition de l’esclavage');
    expect(publicHolidaysOf(2025, '972').get('2025-05-22')).toBe('Abolition de l’esclavage');
    expect(publicHolidaysOf(2025, '973').get('2025-06-10')).toBe('Abolition de l’esclavage');
    expect(publicHolidaysOf(2025, '976').get('2025-04-27')).toBe('Abolition de l’esclavage');
  });

  it.each([
    // Easter Sunday 1 April 2029 is the night Sydney leaves summer time: 24-hour steps from it land on the eve.
    ['Australia/Sydney', 2029, ['2029-04-02', '2029-05-10', '2029-05-21']],
    ['America/Santiago', 2029, ['2029-04-02', '2029-05-10', '2029-05-21']],
    ['Pacific/Kiritimati', 2033, ['2033-04-18', '2033-05-26', '2033-06-06']],
  ] as const)('gives the same days whatever the server zone (%s): Easter Monday, Ascension, Whit Monday', (zone, year, days) => {
    expect(holidaysInAProcessOfZone(zone, year)).toEqual(expect.arrayContaining([...days]));
    expect(holidaysInAProcessOfZone(zone, year)).toEqual([...publicHolidaysOf(year, '75').keys()].sort());
  });
});

/** The process's zone is fixed at its start (Jest's sandbox ignores a later TZ): ask a node of that zone. */
function holidaysInAProcessOfZone(zone: string, year: number): string[] {
  // Resolves this lib's './x.js' imports to their '.ts' sources, which node runs by stripping their types.
  const hooks = `import { registerHooks } from 'node:module';
registerHooks({ resolve(s, c, next) {
  try { return next(s, c); } catch (e) { if (s.endsWith('.js')) return next(s.slice(0, -3) + '.ts', c); throw e; }
} });`;
  const script = `const m = await import(${JSON.stringify(join(HERE, 'public-holidays.ts'))});
console.log(JSON.stringify([...m.publicHolidaysOf(${year}, '75').keys()].sort()));`;
  const out = execFileSync(
    process.execPath,
    ['--no-warnings', '--import', `data:text/javascript,${encodeURIComponent(hooks)}`, '--input-type=module', '-e', script],
    {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as string[];
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Domain libs are pure: no framework, store, HTTP or I/O import, no clock read. */
export const DOMAIN_LIBS = ['kernel', 'workflow', 'projects', 'funding', 'territories'];

const FORBIDDEN_IMPORT = new RegExp(
  '^(@nestjs/|better-sqlite3|@eventstore/|fastify|@fastify/|node:(http|https|fs|net|child_process)|' +
    '#(event-store|projections|auth|audit|processes)$|rxjs)',
);
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
// A domain file reaching into its lib's application shell would drag the store in through the index.
const APPLICATION_SHELL = /(^|\/)application(\/|\.js$|$)/;
const CLOCK_READ = /\bnew Date\(\s*\)|\bDate\.now\(\s*\)/;

export interface Violation {
  file: string;
  rule: string;
}

export function checkSource(file: string, source: string): Violation[] {
  const found: Violation[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (FORBIDDEN_IMPORT.test(spec)) found.push({ file, rule: `imports ${spec}` });
    else if (APPLICATION_SHELL.test(spec)) found.push({ file, rule: `imports the application shell ${spec}` });
  }
  if (CLOCK_READ.test(source)) found.push({ file, rule: 'reads the clock (new Date() / Date.now()): take time from the command context' });
  return found;
}

/** Source files of a domain lib; `application/` (and its barrel `application.ts`) is the lib's shell and may use the store. */
export function domainFiles(root: string, lib: string): string[] {
  const dir = join(root, 'libs', lib, 'src');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'application') walk(p);
      } else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && name !== 'application.ts') out.push(p);
    }
  };
  try {
    walk(dir);
  } catch {
    return [];
  }
  return out.map((p) => relative(root, p));
}

export function checkDomainLibs(root: string): Violation[] {
  return DOMAIN_LIBS.flatMap((lib) => domainFiles(root, lib).flatMap((f) => checkSource(f, readFileSync(join(root, f), 'utf8'))));
}

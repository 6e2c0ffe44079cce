import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Replaces the section under `heading` in docs/benchmarks.md (up to the next `## ` heading), keeping the others. */
export function replaceSection(file: string, heading: string, body: string): void {
  const section = `${heading}\n\n${body.trim()}\n`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(heading);
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = current.slice(start + heading.length);
  const next = rest.search(/\n## /);
  const tail = next < 0 ? '' : rest.slice(next + 1);
  writeFileSync(file, `${current.slice(0, start)}${section}${tail ? `\n${tail}` : ''}`);
}

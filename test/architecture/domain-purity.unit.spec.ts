import { describe, expect, it } from '@jest/globals';
import { checkDomainLibs, checkSource, domainFiles } from './import-rules.js';

describe('domain libs stay pure', () => {
  it('have no framework, store, HTTP or clock dependency', () => {
    expect(domainFiles(process.cwd(), 'kernel').length).toBeGreaterThan(0);
    expect(checkDomainLibs(process.cwd())).toEqual([]);
  });

  it('the checker catches each kind of violation', () => {
    const bad = [
      "import { Injectable } from '@nestjs/common';",
      "import Database from 'better-sqlite3';",
      "import type { EventStore } from '#event-store';",
      "export { x } from 'fastify';",
      "const m = await import('@eventstore/db-client');",
      'const t = new Date();',
      'const t = Date.now();',
      "export * from './application/transfer.js';",
    ];
    for (const line of bad) expect(checkSource('x.ts', line)).toHaveLength(1);
    expect(checkSource('x.ts', "import { fold } from '#kernel';\nconst d = new Date(ctx.now);")).toEqual([]);
  });
});

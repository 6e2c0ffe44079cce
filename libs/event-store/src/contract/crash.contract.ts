import { expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ContractHarness } from './contract.harness.js';

const CHILD = resolve(process.cwd(), 'dist/test/support/append-loop.js');

/** A child appending in a loop is killed with SIGKILL: every append it acknowledged is there. */
export function crashCases(ctx: { readonly h: ContractHarness }): void {
  it('loses no acknowledged append when the appending process is killed (SIGKILL)', async () => {
    if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run "npm run build" first (npm test does)`);
    const child = spawn(process.execPath, [CHILD], { env: { ...process.env, ...ctx.h.childEnv() }, stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: { stream: string; revision: bigint; id: string }[] = [];
    let buffer = '';
    await new Promise<void>((done, fail) => {
      child.on('error', fail);
      child.on('exit', () => done());
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const [stream, revision, id] = buffer.slice(0, nl).split(' ');
          buffer = buffer.slice(nl + 1);
          acked.push({ stream: stream!, revision: BigInt(revision!), id: id! });
          if (acked.length === 300) child.kill('SIGKILL');
        }
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(300);
    const store = await ctx.h.reopen();
    try {
      for (const a of acked) {
        const [e] = await store.readStream(a.stream, { fromRevision: a.revision, maxCount: 1 });
        expect(e?.id).toBe(a.id);
      }
    } finally {
      await store.close();
    }
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { JwtService, type TokenClaims } from '#auth';
import { freePort } from './free-port.js';

const MAIN = 'dist/apps/api/src/main.js';
export const CLUSTER_SECRET = 'replica-test-secret-0123456789-abcdefghij';

export interface Replica {
  id: string;
  url: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  log: () => string;
}

/** Starts API replicas as separate processes sharing one SQLite event-store file, each with its own read models. */
export async function startReplicas(dataDir: string, count: number, env: Record<string, string> = {}): Promise<Replica[]> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  const replicas: Replica[] = [];
  for (let i = 1; i <= count; i++) {
    const port = await freePort();
    let log = '';
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        REPLICA_ID: `r${i}`,
        JWT_SECRET: CLUSTER_SECRET,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    replicas.push({ id: `r${i}`, url: `http://127.0.0.1:${port}`, process: child, exited, log: () => log });
  }
  await Promise.all(replicas.map((r) => waitHealthy(r)));
  return replicas;
}

async function waitHealthy(r: Replica): Promise<void> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${r.url}/health`)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`replica ${r.id} did not become healthy:\n${r.log()}`);
}

export function clusterToken(claims: TokenClaims): Promise<string> {
  return new JwtService(CLUSTER_SECRET).sign(claims);
}

export async function stopReplicas(replicas: Replica[]): Promise<void> {
  for (const r of replicas) if (r.process.exitCode === null && r.process.signalCode === null) r.process.kill('SIGTERM');
  await Promise.all(replicas.map((r) => Promise.race([r.exited, new Promise((res) => setTimeout(res, 10000))])));
}

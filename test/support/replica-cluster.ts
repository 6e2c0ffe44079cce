import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { JwtService, type TokenClaims } from '#auth';
import { freePort } from './free-port.js';

const MAIN = 'dist/apps/api/src/main.js';
const CLI = 'dist/apps/cli/src/main.js';
export const CLUSTER_SECRET = 'replica-test-secret-0123456789-abcdefghij';
/** The cluster's administrator: the operator records their habilitation with the CLI before the replicas start. */
export const CLUSTER_ADMIN = 'admin-cluster';

export interface Replica {
  id: string;
  url: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  log: () => string;
}

/** Starts API replicas as separate processes sharing one SQLite event-store file, each with its own read models. */
export async function startReplicas(dataDir: string, count: number, env: Record<string, string> = {}): Promise<Replica[]> {
  for (const file of [MAIN, CLI]) if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test does)`);
  const shared = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: CLUSTER_SECRET, DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...env };
  // The first administrator's habilitation, as an operator records it on the shared store; the others through HTTP.
  const grant = spawnSync(process.execPath, [CLI, 'grant', '--sub', CLUSTER_ADMIN, '--role', 'admin'], { env: shared, encoding: 'utf8' });
  if (grant.status !== 0) throw new Error(`cli grant ${CLUSTER_ADMIN}: ${grant.status}\n${grant.stdout}${grant.stderr}`);
  const replicas: Replica[] = [];
  for (let i = 1; i <= count; i++) {
    const port = await freePort();
    let log = '';
    const child = spawn(process.execPath, [MAIN], {
      env: { ...shared, PORT: String(port), HOST: '127.0.0.1', REPLICA_ID: `r${i}` },
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

/**
 * A token for these claims on the cluster, whose habilitation is recorded first through `via`'s POST /people/:id/grants by
 * the cluster's administrator (the replicas share the store: every replica's directory then knows it).
 */
export async function clusterToken(via: Replica, claims: TokenClaims & { capacity?: string }): Promise<string> {
  const { capacity, ...tokenClaims } = claims;
  const jwt = new JwtService(CLUSTER_SECRET);
  const admin = await jwt.sign({ sub: CLUSTER_ADMIN, role: 'admin', scope: {} });
  const res = await fetch(`${via.url}/people/${encodeURIComponent(claims.sub)}/grants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role: claims.role, scope: claims.scope, ...(capacity ? { capacity } : {}) }),
  });
  const answer = await res.text();
  if (res.status !== 201 && res.status !== 200) throw new Error(`grant ${claims.sub} via ${via.id}: ${res.status} ${answer}`);
  return jwt.sign(tokenClaims);
}

export async function stopReplicas(replicas: Replica[]): Promise<void> {
  for (const r of replicas) if (r.process.exitCode === null && r.process.signalCode === null) r.process.kill('SIGTERM');
  // The 10-s bound must not itself keep the test process alive once the replicas have exited.
  await Promise.all(replicas.map((r) => Promise.race([r.exited, new Promise((res) => setTimeout(res, 10000).unref())])));
}

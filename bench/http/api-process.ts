import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const MAIN = 'dist/apps/api/src/main.js';
const CLI = 'dist/apps/cli/src/main.js';

export interface ApiProcess {
  url: string;
  pid: number;
  /** CPU seconds (user + system, all threads) the API has used so far, from /proc; NaN where there is no /proc. */
  cpuSeconds: () => number;
  /** SIGTERM, then waits for the exit (in-flight commands finish, the store closes); resolves with the exit code. */
  stop: () => Promise<number | null>;
  log: () => string;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The real API, as deployed: its own process, the embedded store in `dataDir`, no demo data, warn-level logs. */
export async function startApi(dataDir: string, jwtSecret: string, nodeArgs: string[] = []): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: jwtSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`API did not become healthy:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    cpuSeconds: () => procCpuSeconds(pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    log: () => log,
  };
}

/**
 * Records a habilitation in the directory of the store in `dataDir`, as the operator does with the CLI (`grant --sub …
 * --role …`): a token is honoured only for what the directory grants its subject.
 */
export function grantByCli(dataDir: string, jwtSecret: string, grantArgs: string[]): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'warn', JWT_SECRET: jwtSecret };
  const res = spawnSync(process.execPath, [CLI, 'grant', ...grantArgs], { env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`cli grant ${grantArgs.join(' ')}: ${res.status}\n${res.stdout}${res.stderr}`);
}

/** utime + stime of a process (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s). */
export function procCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

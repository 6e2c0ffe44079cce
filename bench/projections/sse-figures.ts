import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { SqliteEventStore } from '#event-store';

export interface SseFigures {
  clients: number;
  rounds: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * The API runs in its own process (as deployed); the bench process holds the clients and appends
 * to the same SQLite log, so append and receipt are timed on one clock. Latency = from just before
 * the append to the moment a client has parsed a message whose id reaches the appended position.
 */
export async function sseFigures(dir: string, clients: number, rounds: number, log: (s: string) => void): Promise<SseFigures> {
  const port = await freePort();
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
      // Every client comes from 127.0.0.1: one caller, past the default cap on its streams.
      SSE_STREAMS_PER_CALLER_MAX: String(clients),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (i > 200) throw new Error('API did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const store = new SqliteEventStore({ path: `${dir}/events.sqlite` });
    const latest: number[] = new Array<number>(clients).fill(-1);
    const waiters = new Set<() => void>();
    let connected = 0;
    const sockets: (() => void)[] = [];
    await new Promise<void>((resolve, reject) => {
      for (let c = 0; c < clients; c++) {
        const req = get({ host: '127.0.0.1', port, path: '/dashboard/stream', agent: false }, (res) => {
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const id = /^id: (\d+)$/m.exec(block);
              if (!id) continue;
              if (latest[c] === -1 && ++connected === clients) resolve();
              latest[c] = Number(id[1]);
              for (const w of waiters) w();
            }
          });
        });
        req.on('error', reject);
        sockets.push(() => req.destroy());
      }
    });
    log(`${clients} SSE clients connected`);
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const received: number[] = [];
      const t0 = performance.now();
      const projectId = randomUUID();
      const { position } = await store.appendToStream(
        `project-${projectId}`,
        [
          {
            id: randomUUID(),
            type: 'project.intention_declared',
            data: {
              projectId,
              program: 'education',
              workflow: { id: 'cnr-education', version: 1 },
              state: 'intention',
              declarant: 'bench',
              title: `Bench ${r}`,
              description: 'bench',
              territory: { region: '44', departement: '55', academie: '12' },
              holder: { organisationId: '0550001C', name: 'École' },
              partners: [],
              at: new Date().toISOString(),
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      const target = Number(position);
      const done = new Set<number>();
      await new Promise<void>((resolve) => {
        const check = () => {
          const now = performance.now();
          for (let c = 0; c < clients; c++)
            if (!done.has(c) && latest[c]! >= target) {
              done.add(c);
              received.push(now - t0);
            }
          if (done.size === clients) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      });
      samples.push(...received);
      await new Promise((res) => setTimeout(res, 50 + Math.random() * 250));
    }
    for (const close of sockets) close();
    await store.close();
    samples.sort((a, b) => a - b);
    return { clients, rounds, samples: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1)! };
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
}

import autocannon from 'autocannon';
import type { ApiProcess } from './api-process.js';

export interface LoadSpec {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One load run: every figure is computed here from the responses, not from autocannon's 1-s samples. */
export interface Measurement {
  requests: number;
  seconds: number;
  /** Answered requests per second (whatever the status). */
  rate: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** CPU cores the API process used on average during the run (1.0 = one core busy all the time). */
  apiCores: number;
  /** CPU cores this process (autocannon, the client) used meanwhile. */
  clientCores: number;
}

const pct = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * `amount` requests over `connections` keep-alive connections. A fixed amount (not a duration) makes
 * autocannon wait for every answer, so no request is cut off in flight: each one sent is counted.
 */
export async function load(api: ApiProcess, spec: LoadSpec, connections: number, amount: number): Promise<Measurement> {
  const latencies = new Float64Array(amount);
  let n = 0;
  let last = 0;
  const cpu0 = api.cpuSeconds();
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  const instance = autocannon({
    url: `${api.url}${spec.path}`,
    method: spec.method,
    connections,
    amount,
    timeout: 30,
    headers: spec.headers ?? {},
    ...(spec.body !== undefined ? { body: spec.body } : {}),
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    if (n < latencies.length) latencies[n] = responseTime;
    n++;
    last = performance.now();
  });
  const result = await instance;
  const seconds = ((last || performance.now()) - t0) / 1000;
  const self = process.cpuUsage(self0);
  const sorted = latencies.subarray(0, Math.min(n, latencies.length)).sort();
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count;
  return {
    requests: n,
    seconds,
    rate: n / seconds,
    p50: pct(sorted, 50),
    p99: pct(sorted, 99),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    apiCores: (api.cpuSeconds() - cpu0) / seconds,
    clientCores: (self.user + self.system) / 1e6 / seconds,
  };
}

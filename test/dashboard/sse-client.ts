import { type ClientRequest, get } from 'node:http';

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
  at: number;
}

export interface SseConnection {
  status: Promise<number>;
  messages: SseMessage[];
  /** Resolves with the first message matching, waiting at most `ms`. */
  next(match: (m: SseMessage) => boolean, ms?: number): Promise<SseMessage>;
  close(): void;
  request: ClientRequest;
}

/** A minimal EventSource over node:http (so tests can count sockets and set Last-Event-ID). */
export function connectSse(url: string, headers: Record<string, string> = {}): SseConnection {
  const messages: SseMessage[] = [];
  const waiters: { match: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
  let resolveStatus!: (s: number) => void;
  const status = new Promise<number>((r) => (resolveStatus = r));
  const request = get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const m: SseMessage = { data: '', at: performance.now() };
        let hasData = false;
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') m.id = value;
          else if (field === 'event') m.event = value;
          else if (field === 'data') {
            m.data += value;
            hasData = true;
          }
        }
        if (!hasData) continue;
        messages.push(m);
        for (const w of [...waiters])
          if (w.match(m)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(m);
          }
      }
    });
    res.on('error', () => {});
  });
  request.on('error', () => resolveStatus(0));
  return {
    status,
    messages,
    request,
    next(match, ms = 5000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching SSE message within ${ms} ms`)), ms);
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close: () => request.destroy(),
  };
}

import { connect, type Socket } from 'node:net';

export interface RawConnection {
  socket: Socket;
  /** What the server sent, and when it closed the connection (ms after open). */
  closed: Promise<{ received: string; afterMs: number }>;
}

/** A TCP connection to the API, to send what no HTTP client would (a dripped request, bad framing, pipelining). */
export function open(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const openedAt = performance.now();
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    const closed = new Promise<{ received: string; afterMs: number }>((done) => {
      socket.once('close', () => done({ received, afterMs: performance.now() - openedAt }));
    });
    // Before 'connect', an error fails the open; after it, the 'close' that follows is the outcome.
    socket.on('error', reject);
    socket.once('connect', () => resolve({ socket, closed }));
  });
}

/** Writes one byte of `text` every `everyMs` while the socket lasts. */
export function drip(socket: Socket, text: string, everyMs: number): NodeJS.Timeout {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  return timer;
}

export interface RawResponse {
  status: number;
  /** By lower-case name. */
  headers: Record<string, string>;
  body: string;
}

/** The HTTP/1.1 responses in what a raw connection received (bodies framed by Content-Length). */
export function responsesIn(received: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = received;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    ) as Record<string, string>;
    const length = Number(headers['content-length'] ?? 0);
    const bodyBytes = Buffer.from(rest.slice(end + 4));
    out.push({ status: Number(statusLine!.split(' ')[1]), headers, body: bodyBytes.subarray(0, length).toString() });
    rest = bodyBytes.subarray(length).toString();
  }
  return out;
}

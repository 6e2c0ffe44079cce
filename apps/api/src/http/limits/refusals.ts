/** Why the HTTP layer turned a caller away before any route ran (one label of a metric). */
export type RefusalKind = 'anonymous' | 'token' | 'write' | 'as-of' | 'stream-cap' | 'request-timeout' | 'connection-cap';

export type OnRefused = (kind: RefusalKind) => void;

/** Per Fastify instance: tests start several apps in one process. */
const listeners = new WeakMap<object, OnRefused>();

export function listenForRefusals(fastify: object, onRefused: OnRefused): void {
  listeners.set(fastify, onRefused);
}

export function reportRefusal(fastify: object, kind: RefusalKind): void {
  listeners.get(fastify)?.(kind);
}

import type { RecordedRead } from '../support/log-v1/capture.js';

/**
 * What the directory changed, on purpose, in what v1 answered. Tokens prove who calls; what they may do is the
 * directory's: upgrading a v1 log means recording its users' habilitations (`access.granted`, appended after the v1
 * log). So the log's head is past v1's by those grants, the audit export lists them, and a project's content names its
 * co-holders (none in v1).
 */
export function withDirectory(v1: RecordedRead, v1Head: string, head: string): RecordedRead {
  if (v1.path.startsWith('/audit/log.jsonl')) return v1;
  const body = withCoHolders(v1.body) as Record<string, unknown>;
  // A read model's own position (the dashboard's, a funding view's) is the log's head: now past the grants.
  const snapshot = /^\/dashboard\/|\/funding$/.test(v1.path.split('?')[0]!);
  if (!snapshot || !body || typeof body !== 'object') return { ...v1, body };
  const process = body['process'] as Record<string, unknown> | undefined;
  return {
    ...v1,
    body: {
      ...body,
      ...(body['position'] === v1Head ? { position: head } : {}),
      // The funding process's position: it has seen the grants go by too.
      ...(process?.['position'] === v1Head ? { process: { ...process, position: head } } : {}),
    },
  };
}

function withCoHolders(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => withCoHolders(v));
  if (value === null || typeof value !== 'object') return value;
  const object = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withCoHolders(v, k)] as const));
  if (key === 'content' && 'holder' in object && !('coHolders' in object)) return { ...object, coHolders: [] };
  return object;
}

/** The audit export of the log without the habilitations recorded after the v1 log. */
export function withoutGrants(read: RecordedRead): RecordedRead {
  if (!read.path.startsWith('/audit/log.jsonl') || typeof read.body !== 'string') return read;
  const lines = read.body.split('\n').filter((line) => !/"type":"access\.granted"/.test(line));
  return { ...read, body: lines.join('\n') };
}

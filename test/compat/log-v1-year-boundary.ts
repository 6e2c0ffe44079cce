/**
 * What an envelope balance shows since the year boundary and recovery orders (issue 15 §3, §5), added to what v1 answered:
 * the envelope's declared carry-over (as v1's `envelope.opened` recorded it), the CP receipts of each exercise (v1 had
 * none: every reversement restored CP) and what recovery orders still claim (v1 had no recovery orders). Nothing v1
 * answered changes.
 */
type Json = Record<string, unknown>;

export function withYearBoundary(body: unknown, carryOverOf: (envelopeId: string) => unknown): unknown {
  if (Array.isArray(body)) return body.map((item) => withYearBoundary(item, carryOverOf));
  if (body === null || typeof body !== 'object') return body;
  const o = body as Json;
  const mapped = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withYearBoundary(v, carryOverOf)]));
  if (typeof o['envelopeId'] !== 'string' || typeof o['commitments'] !== 'object' || o['commitments'] === null) return mapped;
  const receipts = (cp: unknown) => ({ ...(cp as Json), receiptsCents: 0 });
  const years = Array.isArray(o['years']) ? (o['years'] as Json[]).map((y) => ({ ...y, cp: receipts(y['cp']) })) : o['years'];
  return {
    ...mapped,
    cp: receipts(o['cp']),
    years,
    commitments: { ...(o['commitments'] as Json), recoveryOutstandingCents: 0 },
    carryOver: carryOverOf(o['envelopeId']),
  };
}

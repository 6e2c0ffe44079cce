import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '#event-store';

export const STREAMS = 10_000;
export const CALLERS = 64;

/** Deterministic PRNG (mulberry32), so every run draws the same stream sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const streamName = (s: number): string => `project-${s}`;

/** A domain-shaped event of ~400 bytes once serialized (data + metadata), like the measurements file assumes. */
export function makeEvent(i: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'funding.envelope_amount_reserved',
    data: {
      envelopeId: `envelope-${i % 997}`,
      projectId: `project-${i % STREAMS}`,
      amountCents: 1_250_000 + (i % 1000),
      territory: 'FR-IDF',
      reason: 'Réservation du financement de la tranche 2 après avis favorable du comité',
      lines: [
        { code: 'INV', cents: 1_000_000 },
        { code: 'FCT', cents: 250_000 + (i % 1000) },
      ],
    },
    metadata: {
      actor: 'user-3f2a9c',
      role: 'funding_officer',
      territoryScope: 'FR-IDF',
      occurredAt: '2025-03-14T10:22:31.512Z',
      correlationId: '6f1c2b7e-2d4b-4f8e-9a51-2b1d7c3e9f10',
      causationId: '0b9e4d62-7a13-4c55-8d2e-5e6f7a8b9c0d',
    },
  };
}

/** One planned append: which stream, which events. Batch k belongs to caller k % CALLERS. */
export interface PlannedAppend {
  stream: number;
  events: EventToAppend[];
}

/**
 * Streams are partitioned by caller (stream s belongs to caller s % CALLERS), so callers never
 * conflict and a caller's local map of revisions is exact.
 */
export function plan(appends: number, eventsPerAppend: number, seed: number): PlannedAppend[] {
  const rand = prng(seed);
  const perCaller = Math.ceil(STREAMS / CALLERS);
  const out: PlannedAppend[] = [];
  let n = 0;
  for (let k = 0; k < appends; k++) {
    const caller = k % CALLERS;
    let stream: number;
    do stream = caller + CALLERS * Math.floor(rand() * perCaller);
    while (stream >= STREAMS);
    out.push({ stream, events: Array.from({ length: eventsPerAppend }, () => makeEvent(n++)) });
  }
  return out;
}

import { expect } from '@jest/globals';
import type { RecordedRead } from '../support/log-v1/capture.js';

interface V1Event {
  id: string;
  streamId: string;
  type: string;
  data: { projectId?: string; commitmentRef?: string };
  metadata: { actorId?: string };
}
interface Entry {
  eventId: string;
  type: string;
  position: string;
  summary: unknown;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Issue 15 §7: a project's history tells its money too. For a v1 log, that is the commitment the funding process made for
 * the project and every later event of it (service fait, payments, recoveries, releases, a split exceeded), as v1's
 * envelope histories list them, in log order, each with its envelope's stream. Their summaries now say who (v1's people
 * are not in the directory: their ids; the funding process: « Refonda ») and the envelope's label: the same operation and
 * amount as v1's line begins with. The commitments are those the funding process made (its record says where they are);
 * one finance made by hand for a project still under analysis (EJ-2023-MANUEL-0001) is in no record, and is not told.
 */
export function withProjectMoney(v1: RecordedRead, reads: readonly RecordedRead[], v1Log: readonly V1Event[]): RecordedRead {
  const projectId = /^\/projects\/([^/?]+)\/history$/.exec(v1.path)?.[1];
  const refs = new Set(
    v1Log
      .filter((e) => e.type === 'envelope.committed' && e.data.projectId === projectId && e.metadata.actorId === 'funding-process')
      .map((e) => e.data.commitmentRef),
  );
  const ids = new Set(v1Log.filter((e) => e.streamId.startsWith('envelope-') && refs.has(e.data.commitmentRef)).map((e) => e.id));
  if (ids.size === 0) return v1;
  const money = reads
    .filter((r) => /^\/envelopes\/[^/?]+\/history$/.test(r.path))
    .flatMap((r) => {
      const { streamId, events } = r.body as { streamId: string; events: Entry[] };
      return events
        .filter((e) => ids.has(e.eventId))
        .map((e) => ({ ...e, streamId, summary: e.type === 'envelope.split_exceeded' ? e.summary : moneySummary(String(e.summary)) }));
    });
  const body = v1.body as { events: Entry[] };
  const events = [...body.events, ...money].sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
  return { ...v1, body: { ...body, events } };
}

/** "Paiement de 6 000,00 €" (v1's line up to its first amount), then who did it. */
function moneySummary(v1Summary: string): unknown {
  const operation = /^.*? de [\d\u202f]+,\d{2}\u00a0€/.exec(v1Summary)?.[0];
  if (!operation) throw new Error(`no operation and amount in « ${v1Summary} »`);
  return expect.stringMatching(new RegExp(`^${escape(operation)} .*(par Refonda|, gestionnaire financier)`));
}

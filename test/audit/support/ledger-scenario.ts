import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldRecorded, type RecordedEvent, SqliteEventStore } from '#event-store';
import { envelopeBalance, envelopeDecider } from '#funding';
import { fundingScenario, LILLE } from './funding.js';

/** The payee, award act and EJ number that `envelope.committed` carries from issue 15 on (older events lack them). */
export const PAYEE = { organisationId: 'org-coop-lille', siret: '77567227200012', name: 'Coopérative scolaire; =école' };

/** Written out apart from the code: a title with a formula after a ';' (a spreadsheet splitting on ';' would run it). */
export const TITLES = new Map([['project-lille-1', 'Un jardin « partagé »;=1+1']]);

/** Paris time of an instant as `fr-FR` writes it ("26/03/2023 03:30:00"), by Intl: independent of the exporter's code. */
export const parisFr = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' }).format(d);

export interface LedgerScenario {
  store: SqliteEventStore;
  /** The envelope events in log order (their recordedAt: one hour apart, across the spring change to summer time). */
  events: RecordedEvent[];
  titleLookups: string[][];
  lookup: (ids: readonly string[]) => Map<string, string>;
  /** What envelopeBalance gives for LILLE, from the folded stream (cents). */
  lilleAvailable: () => Promise<{ ae: number; cp: number }>;
  close: () => Promise<void>;
}

/**
 * The audit funding scenario (FIP Lille: notification, commitment, service done, two payments, a recovery; FIR HDF:
 * a notification), then a second Lille commitment written as issue 15's committed events will be (payee, award act, EJ
 * number) and a payment on it. The store's clock starts at 20:30 UTC on 25 March 2023 (21:30 in Paris, UTC+1) and moves
 * one hour per append, so that the rows cross the change to summer time (UTC+2 from 01:00 UTC).
 */
export async function ledgerScenario(): Promise<LedgerScenario> {
  const dir = mkdtempSync(join(tmpdir(), 'refonda-ledger-'));
  let clock = Date.UTC(2023, 2, 25, 19, 30);
  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite'), now: () => (clock += 3_600_000) });
  await fundingScenario(store);
  const stamp = (n: number) => ({ requestId: `raw-${n}`, fingerprint: `f-${n}` });
  const meta = { actorId: 'funding-process', role: 'system' };
  const committed = {
    ...stamp(1),
    year: 2023,
    commitmentRef: 'EJ-2023-002',
    projectId: 'project-lille-2',
    amountCents: 2_000_000,
    splitKey: null,
    reason: null,
    awardActId: 'ARR-2023-0042',
    ejNumber: '2103000042',
    payee: PAYEE,
  };
  await store.appendToStream(`envelope-${LILLE}`, [{ id: randomUUID(), type: 'envelope.committed', data: committed, metadata: meta }], {
    expectedRevision: 'any',
  });
  const paid = { ...stamp(2), year: 2023, commitmentRef: 'EJ-2023-002', amountCents: 300_000, instalment: 1 };
  await store.appendToStream(`envelope-${LILLE}`, [{ id: randomUUID(), type: 'envelope.paid', data: paid, metadata: meta }], {
    expectedRevision: 'any',
  });
  const titleLookups: string[][] = [];
  return {
    store,
    events: (await store.readAll()).filter((e) => e.streamId.startsWith('envelope-')),
    titleLookups,
    lookup: (ids) => {
      titleLookups.push([...ids]);
      return new Map(ids.flatMap((id) => (TITLES.has(id) ? [[id, TITLES.get(id)!] as const] : [])));
    },
    lilleAvailable: async () => {
      const balance = envelopeBalance(foldRecorded(envelopeDecider, await store.readStream(`envelope-${LILLE}`)))!;
      return { ae: balance.ae.available, cp: balance.cp.available };
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

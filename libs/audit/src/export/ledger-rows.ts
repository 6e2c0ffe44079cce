import type { EventStore, RecordedEvent } from '#event-store';
import {
  envelopeIdFromStream,
  isEnvelopeEvent,
  type LedgerCommitment,
  ledgerCommitmentOf,
  ledgerMovementsOf,
  type LedgerMovement,
  parseEnvelopeId,
} from '#funding';
import { roleLabel } from '../history/french.js';
import { ProjectTitleCache, type ProjectTitleLookup } from './project-titles.js';
import { readLogPages } from './read-pages.js';

/** One money movement of the ledger, typed: each writer (CSV, XLSX) formats it its way. */
export interface LedgerRow {
  recordedAt: Date;
  fund: 'FIP' | 'FIR' | null;
  year: number;
  envelopeId: string;
  projectId: string | null;
  projectTitle: string | null;
  payeeName: string | null;
  payeeSiret: string | null;
  awardActId: string | null;
  ejNumber: string | null;
  commitmentRef: string | null;
  operation: string;
  aeCents: number;
  cpCents: number;
  actor: string | null;
  role: string | null;
  reason: string | null;
  position: bigint;
  eventId: string;
}

type Fund = LedgerRow['fund'];

/** The columns, in order, with their French headers: both writers use this one list. */
export const LEDGER_COLUMNS: readonly { key: keyof LedgerRow; header: string }[] = [
  { key: 'recordedAt', header: 'Date' },
  { key: 'fund', header: 'Fonds' },
  { key: 'year', header: 'Exercice' },
  { key: 'envelopeId', header: 'Enveloppe' },
  { key: 'projectId', header: 'Projet' },
  { key: 'projectTitle', header: 'Intitulé du projet' },
  { key: 'payeeName', header: 'Bénéficiaire' },
  { key: 'payeeSiret', header: 'SIRET du bénéficiaire' },
  { key: 'awardActId', header: 'Acte attributif' },
  { key: 'ejNumber', header: 'EJ' },
  { key: 'commitmentRef', header: 'Engagement (réf.)' },
  { key: 'operation', header: 'Opération' },
  { key: 'aeCents', header: 'AE (€)' },
  { key: 'cpCents', header: 'CP (€)' },
  { key: 'actor', header: 'Acteur' },
  { key: 'role', header: 'Rôle' },
  { key: 'reason', header: 'Motif' },
  { key: 'position', header: 'Position' },
  { key: 'eventId', header: 'Identifiant de l’événement' },
];

export interface LedgerSource {
  pageSize?: number;
  /** Only the envelopes this returns true for (a caller's territory). */
  envelopeFilter?: (envelopeId: string) => boolean;
  /** Project titles from the read model; without it the title column is empty. */
  projectTitles?: ProjectTitleLookup;
  titleCacheSize?: number;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * The ledger's rows, one page of the log at a time, in log order. The project, payee, award act and EJ number of a
 * payment, release or recovery are those of its commitment, kept per (envelope, commitment reference) from its
 * `envelope.committed` event: memory holds one page and one entry per commitment, never the log.
 */
export async function* ledgerRowPages(store: EventStore, options: LedgerSource = {}): AsyncGenerator<LedgerRow[]> {
  const commitments = new Map<string, LedgerCommitment>();
  const funds = new Map<string, Fund>();
  const envelopes = new Map<string, string>();
  const titles = new ProjectTitleCache(options.projectTitles, Math.max(options.titleCacheSize ?? 10_000, options.pageSize ?? 1000));
  for await (const page of readLogPages(store, { pageSize: options.pageSize })) {
    const rows: LedgerRow[] = [];
    for (const e of page) {
      const envelopeId = envelopes.get(e.streamId) ?? envelopeOf(envelopes, e.streamId);
      if (envelopeId === undefined || (options.envelopeFilter && !options.envelopeFilter(envelopeId))) continue;
      const event = { type: e.type, data: e.data };
      if (!isEnvelopeEvent(event)) continue;
      const committed = ledgerCommitmentOf(event);
      if (committed && event.type === 'envelope.committed') commitments.set(`${envelopeId}\u0000${event.data.commitmentRef}`, committed);
      for (const m of ledgerMovementsOf(event)) {
        const commitment = m.commitmentRef === null ? undefined : commitments.get(`${envelopeId}\u0000${m.commitmentRef}`);
        rows.push(rowOf(e, envelopeId, fundOf(funds, envelopeId), m, commitment));
      }
    }
    if (rows.length === 0) continue;
    await titles.load(rows.flatMap((r) => (r.projectId === null ? [] : [r.projectId])));
    for (const r of rows) if (r.projectId !== null) r.projectTitle = titles.titleOf(r.projectId);
    yield rows;
  }
}

/** The envelope of an envelope stream, remembered (there are few envelopes; other streams are not kept). */
function envelopeOf(envelopes: Map<string, string>, streamId: string): string | undefined {
  const id = envelopeIdFromStream(streamId);
  if (id !== undefined) envelopes.set(streamId, id);
  return id;
}

function fundOf(funds: Map<string, Fund>, envelopeId: string): Fund {
  let fund = funds.get(envelopeId);
  if (fund === undefined) {
    const parsed = parseEnvelopeId(envelopeId)?.fund;
    fund = parsed === 'fip' ? 'FIP' : parsed === 'fir' ? 'FIR' : null;
    funds.set(envelopeId, fund);
  }
  return fund;
}

function rowOf(e: RecordedEvent, envelopeId: string, fund: Fund, m: LedgerMovement, c: LedgerCommitment | undefined): LedgerRow {
  const meta = e.metadata ?? {};
  return {
    recordedAt: e.recordedAt,
    fund,
    year: m.year,
    envelopeId,
    projectId: m.projectId ?? c?.projectId ?? null,
    projectTitle: null,
    payeeName: c?.payee?.name ?? null,
    payeeSiret: c?.payee?.siret ?? null,
    awardActId: c?.awardActId ?? null,
    ejNumber: c?.ejNumber ?? null,
    commitmentRef: m.commitmentRef,
    operation: m.operation,
    aeCents: m.aeDeltaCents,
    cpCents: m.cpDeltaCents,
    actor: text(meta['actor']) ?? text(meta['actorId']),
    role: roleLabel(text(meta['role'])),
    reason: m.reason,
    position: e.position,
    eventId: e.id,
  };
}

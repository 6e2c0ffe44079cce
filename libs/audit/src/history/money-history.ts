import type { RecordedEvent } from '#event-store';
import { AWARD_ACT_STREAM_PREFIX } from '#awards';
import { envelopeIdFromStream } from '#funding';
import { type ActFacts, awardActSummary } from './award-act-summary.js';
import { type CommitmentFacts, commitmentSummary } from './commitment-summary.js';
import { envelopeSummary } from './envelope-summary.js';
import { envelopeName } from './french.js';
import { type HistoryEntry, actorOf, toHistoryEntry } from './history-entry.js';
import { type DirectoryNames, type PayeeFacts, personLabel } from './money-names.js';

/** A commitment of the project's money on an envelope (the act's id since award acts; before, the funding process's ref). */
export interface CommitmentLocation {
  envelopeId: string;
  commitmentRef: string;
}

type Data = Record<string, unknown>;
const dataOf = (e: RecordedEvent) => (e.data ?? {}) as Data;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The commitments each act of the project's stream names (one EJ per act, its reference being the act's id). */
export function actCommitments(actHistory: readonly RecordedEvent[]): CommitmentLocation[] {
  return actHistory.flatMap((e) => {
    const d = dataOf(e);
    const envelopeId = str(d['envelopeId']);
    const actId = str(d['actId']);
    return e.type === 'award_act.drafted' && envelopeId && actId ? [{ envelopeId, commitmentRef: actId }] : [];
  });
}

/**
 * The project's money events, in log order: its act stream, and of its envelopes' streams the commitments made for it
 * (`projectId`) and every later event of those commitments (`commitmentRef`): service fait, orders, payments, recoveries,
 * releases, adjustments. `refs` are the commitments known beforehand (acts, the funding process's record).
 */
export function projectMoneyEvents(
  projectId: string,
  refs: readonly string[],
  actHistory: readonly RecordedEvent[],
  envelopeHistories: readonly (readonly RecordedEvent[])[],
): RecordedEvent[] {
  const known = new Set(refs);
  const isCommitment = (e: RecordedEvent) => e.type === 'envelope.committed' && dataOf(e)['projectId'] === projectId;
  for (const e of envelopeHistories.flat()) if (isCommitment(e)) known.add(String(dataOf(e)['commitmentRef']));
  const money = envelopeHistories.flat().filter((e) => isCommitment(e) || known.has(str(dataOf(e)['commitmentRef']) ?? ''));
  return [...actHistory, ...money].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

interface Known {
  acts: Map<string, ActFacts & { envelopeId: string | null; payee: PayeeFacts | null }>;
  commitments: Map<string, Omit<CommitmentFacts, 'envelope' | 'titleKinds'>>;
  titleKinds: Map<string, string>;
}

/**
 * History entries of the project's money events (from `projectMoneyEvents`), each with its stream and a French summary
 * naming people (`names`, read from the directory) and the payee. `envelopeLabels`: each envelope's label as opened.
 */
export function moneyHistoryEntries(
  events: readonly RecordedEvent[],
  names: DirectoryNames,
  envelopeLabels: ReadonlyMap<string, string> = new Map(),
): HistoryEntry[] {
  const known: Known = { acts: new Map(), commitments: new Map(), titleKinds: new Map() };
  const label = (envelopeId: string | null) => (envelopeId ? (envelopeLabels.get(envelopeId) ?? envelopeName(envelopeId)) : '?');
  return events.map((event) => {
    const { who, role } = actorOf(event);
    const by = personLabel(who, role, names);
    const d = dataOf(event);
    const envelopeId = envelopeIdFromStream(event.streamId);
    let summary: string;
    if (event.streamId.startsWith(AWARD_ACT_STREAM_PREFIX)) {
      if (event.type === 'award_act.drafted') learnAct(known, d);
      const act = known.acts.get(String(d['actId'])) ?? { form: null, reference: null, envelopeId: null, payee: null };
      summary = awardActSummary(event.type, d, by, act, label(act.envelopeId), names);
    } else {
      const ref = str(d['commitmentRef']) ?? '';
      if (event.type === 'envelope.committed') learnCommitment(known, ref, d);
      if (event.type === 'envelope.recovery_ordered') known.titleKinds.set(String(d['titleRef']), String(d['titleKind']));
      const commitment = known.commitments.get(ref) ?? { ejNumber: null, payee: null };
      const facts = { ...commitment, envelope: label(envelopeId ?? null), titleKinds: known.titleKinds };
      summary =
        commitmentSummary(event.type, d, by, facts, names) ?? envelopeSummary(envelopeId ?? event.streamId, event.type, d, who, role);
      // A payee changed by amendment: the commitment's later events name the new one.
      const newPayee = event.type === 'envelope.commitment_adjusted' ? payeeOf(d) : null;
      if (newPayee) known.commitments.set(ref, { ...commitment, payee: newPayee });
    }
    return { ...toHistoryEntry(event), streamId: event.streamId, summary };
  });
}

const payeeOf = (d: Data): PayeeFacts | null => (d['payee'] && typeof d['payee'] === 'object' ? (d['payee'] as PayeeFacts) : null);

function learnAct(known: Known, d: Data): void {
  const payee = payeeOf(d);
  known.acts.set(String(d['actId']), { form: str(d['form']), reference: str(d['reference']), envelopeId: str(d['envelopeId']), payee });
}

/** An EJ recorded before the payee was carried on the commitment takes its act's (the same act id). */
function learnCommitment(known: Known, ref: string, d: Data): void {
  const payee = payeeOf(d);
  const act = known.acts.get(str(d['awardActId']) ?? ref);
  known.commitments.set(ref, { ejNumber: str(d['ejNumber']), payee: payee ?? act?.payee ?? null });
}

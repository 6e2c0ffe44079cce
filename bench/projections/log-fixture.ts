import { randomUUID } from 'node:crypto';
import type { EventToAppend, SqliteEventStore } from '#event-store';
import { TRANSITION_EVENTS } from '#projects';
import { prng } from '../store/fixtures.js';

const ACADEMIES = [
  ['44', '55', '12'],
  ['32', '59', '09'],
  ['11', '75', '01'],
  ['84', '69', '10'],
  ['76', '31', '16'],
  ['53', '35', '14'],
] as const;
const DAY = 86_400_000;
const at = (d: number) => new Date(Date.UTC(2023, 0, 2) + d * DAY).toISOString();

/** A project's life as the API writes it: declared, drafted, edited, deposited, analysed, decided, maybe financed. */
function projectEvents(i: number, rand: () => number): EventToAppend[] {
  const [region, departement, academie] = ACADEMIES[i % ACADEMIES.length]!;
  const education = rand() < 0.7;
  const program = education ? 'education' : 'health';
  const projectId = randomUUID();
  const day = Math.floor(rand() * 300);
  const holder = `holder-${i % 5000}`;
  const by = (role: string, id: string) => ({ id, role });
  const t = (command: keyof typeof TRANSITION_EVENTS, from: string, to: string, d: number, extra: object = {}) => ({
    id: randomUUID(),
    type: TRANSITION_EVENTS[command],
    data: { from, to, by: by(command === 'start_drafting' || command === 'submit' ? 'holder' : 'validator', holder), at: at(d), ...extra },
  });
  const events: EventToAppend[] = [
    {
      id: randomUUID(),
      type: 'project.intention_declared',
      data: {
        projectId,
        program,
        workflow: { id: `cnr-${program}`, version: 1 },
        state: 'intention',
        declarant: holder,
        title: `Projet ${i} : ${education ? 'jardin pédagogique partagé' : 'maison de santé pluriprofessionnelle'}`,
        description: 'Concertation avec les élèves, les familles et la commune.'.repeat(2),
        territory: { region, departement, ...(education ? { academie } : {}) },
        holder: { organisationId: education ? '0550001C' : '550000012', name: 'Porteur' },
        partners: [],
        at: at(day),
      },
    },
  ];
  if (rand() < 0.2) return events;
  events.push(t('start_drafting', 'intention', 'drafting', day + 1));
  events.push({
    id: randomUUID(),
    type: 'project.content_edited',
    data: {
      changes: { requestedAmountCents: 1_500_000, budgetLines: [{ label: 'Matériel', amountCents: 2_000_000 }] },
      by: holder,
      at: at(day + 2),
    },
  });
  if (rand() < 0.3) return events;
  events.push(t('submit', 'drafting', 'submitted', day + 3));
  events.push(t('start_analysis', 'submitted', 'under_analysis', day + 5));
  const r = rand();
  if (r < 0.45)
    events.push(
      t('validate', 'under_analysis', 'validated', day + 9, { reason: 'Conforme', grantedAmountCents: 1_000_000 + (i % 500_000) }),
    );
  else if (r < 0.7) events.push(t('reject', 'under_analysis', 'rejected', day + 9, { reason: 'Hors cadre' }));
  return events;
}

function envelopeEvents(e: number, count: number): { stream: string; events: EventToAppend[] } {
  const [region, , academie] = ACADEMIES[e % ACADEMIES.length]!;
  const fund = e % 2 === 0 ? 'fip' : 'fir';
  const territoryCode = fund === 'fip' ? `academie-${academie}` : `ars-${region}`;
  const year = 2023 + Math.floor(e / ACADEMIES.length);
  const envelopeId = `${fund}-${territoryCode}-${year}`;
  let n = 0;
  const req = () => ({ requestId: `${envelopeId}-${++n}`, fingerprint: `f${n}` });
  const events: EventToAppend[] = [
    {
      id: randomUUID(),
      type: 'envelope.opened',
      data: {
        ...req(),
        envelopeId,
        fund,
        territoryCode,
        period: { fromYear: year, toYear: year },
        label: envelopeId,
        parentId: null,
        ceilingCents: null,
        carryOver: { ae: { mode: 'none' }, cp: { mode: 'none' } },
        split: null,
      },
    },
    {
      id: randomUUID(),
      type: 'envelope.credits_notified',
      data: { ...req(), year, kind: 'notification', aeCents: 10_000_000_000, cpCents: 8_000_000_000, reason: null },
    },
  ];
  for (let k = 0; events.length < count; k++) {
    events.push({
      id: randomUUID(),
      type: 'envelope.committed',
      data: { ...req(), year, commitmentRef: `EJ-${k}`, projectId: `p-${k}`, amountCents: 1_000_000, splitKey: null, reason: null },
    });
    if (events.length < count)
      events.push({
        id: randomUUID(),
        type: 'envelope.paid',
        data: { ...req(), year, commitmentRef: `EJ-${k}`, amountCents: 400_000, instalment: 1 },
      });
  }
  return { stream: `envelope-${envelopeId}`, events };
}

/** Appends `total` events through the store (64 concurrent callers, group commit): ~90 % project streams, ~10 % envelopes. */
export async function writeLog(store: SqliteEventStore, total: number, onProgress?: (n: number) => void): Promise<number> {
  const rand = prng(20230901);
  const envelopeShare = Math.floor(total / 10);
  const envelopes = Math.max(1, Math.min(24, Math.ceil(envelopeShare / 2000)));
  // A job's chunks go in order (one stream each), by one caller at a time.
  const jobs: { stream: string; chunks: EventToAppend[][] }[] = [];
  let planned = 0;
  for (let e = 0; e < envelopes; e++) {
    const env = envelopeEvents(e, Math.floor(envelopeShare / envelopes));
    const chunks: EventToAppend[][] = [];
    for (let k = 0; k < env.events.length; k += 1000) chunks.push(env.events.slice(k, k + 1000));
    jobs.push({ stream: env.stream, chunks });
    planned += env.events.length;
  }
  for (let i = 0; planned < total; i++) {
    const events = projectEvents(i, rand).slice(0, total - planned);
    jobs.push({ stream: `project-${(events[0]!.data as { projectId: string }).projectId}`, chunks: [events] });
    planned += events.length;
  }
  let written = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      let revision = -1n;
      for (const events of job.chunks) {
        await store.appendToStream(job.stream, events, { expectedRevision: revision < 0n ? 'no_stream' : revision });
        revision += BigInt(events.length);
        written += events.length;
        if (written % 50_000 < events.length) onProgress?.(written);
      }
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  return written;
}

import { EVENT_STORE, type EventStore } from '#event-store';
import type { ApiHarness } from '../api-harness.js';

/** One recorded read: who asked, what came back. `as` is a role name of READERS, or 'anonymous'. */
export interface RecordedRead {
  path: string;
  as: keyof typeof READERS | 'anonymous';
  status: number;
  body: unknown;
}

export const READERS = {
  auditor: { role: 'auditor', sub: 'auditor-cour-des-comptes' },
  admin: { role: 'admin', sub: 'admin-national' },
  holderBarLeDuc: { role: 'holder', sub: 'holder-ecole-bar-le-duc' },
  validatorNancyMetz: { role: 'validator', sub: 'val-nancy-metz', scope: { academies: ['12'] } },
} as const;

export async function readAs(api: ApiHarness, path: string, as: RecordedRead['as']): Promise<RecordedRead> {
  const token = as === 'anonymous' ? undefined : await api.token(READERS[as] as never);
  const res = await api.request('GET', path, { token });
  return { path, as, status: res.status, body: res.body };
}

/** The paths read from the v1 log: every project and envelope, their histories, lists, dashboards, exports, the past. */
export async function pathsToRecord(api: ApiHarness, projectIds: string[]): Promise<[string, RecordedRead['as']][]> {
  const store = api.app.get(EVENT_STORE) as EventStore;
  const all = await store.readAll({ fromPosition: 0n, maxCount: 100_000 });
  const envelopeIds = [...new Set(all.filter((e) => e.streamId.startsWith('envelope-')).map((e) => e.streamId.slice('envelope-'.length)))];
  const middle = all[Math.floor(all.length / 2)]!.position.toString();
  const third = all[Math.floor(all.length / 3)]!.position.toString();
  const paths: [string, RecordedRead['as']][] = [];
  for (const id of projectIds) {
    paths.push([`/projects/${id}`, 'auditor'], [`/projects/${id}/history`, 'auditor'], [`/projects/${id}/funding`, 'auditor']);
    paths.push([`/projects/${id}?asOf=${middle}`, 'auditor'], [`/projects/${id}`, 'admin']);
  }
  for (const id of envelopeIds) {
    paths.push([`/envelopes/${id}`, 'auditor'], [`/envelopes/${id}/history`, 'auditor'], [`/envelopes/${id}?asOf=${third}`, 'auditor']);
  }
  paths.push([`/projects/${projectIds[2]}`, 'holderBarLeDuc'], [`/projects/${projectIds[2]}/funding`, 'holderBarLeDuc']);
  paths.push(['/projects', 'auditor'], ['/projects?program=health', 'auditor'], ['/projects?status=withdrawn', 'auditor']);
  paths.push(['/projects', 'holderBarLeDuc'], ['/projects', 'validatorNancyMetz'], ['/projects?territory=09', 'auditor']);
  paths.push(['/envelopes', 'auditor'], ['/envelopes?fund=fir', 'auditor'], ['/envelopes?year=2023', 'auditor']);
  for (const d of [
    'summary',
    'funnel',
    'funnel?within=region:44',
    'funnel?within=academie:12',
    `funnel?asOf=${middle}`,
    'envelopes',
    'workload',
    'territories?level=region',
    'territories?level=academie',
    'territories?level=departement&parent=region:44',
    'territories?program=health',
    'workload?level=academie',
    'series',
    'series?from=2023-09-01&to=2023-12-31',
    'workflows',
  ]) {
    paths.push([`/dashboard/${d}`, 'anonymous']);
  }
  paths.push(['/dashboard/decisions', 'auditor'], ['/dashboard/decisions?program=education', 'auditor']);
  paths.push(['/audit/ledger.csv', 'auditor'], ['/audit/log.jsonl', 'auditor'], ['/programs', 'auditor']);
  paths.push(['/programs/education/workflow', 'auditor'], ['/programs/health/workflow', 'auditor']);
  return paths;
}

import { expect } from '@jest/globals';
import type { RecordedRead } from '../support/log-v1/capture.js';

/**
 * Workflow v2 since v1, on purpose (domain.md: the instructeur closes the analysis, a decider signs the decision). The v1
 * log's projects started on v1 and finish on v1: their definition is still served, under `?version=1`. What names "the
 * latest definition" now names v2:
 * - GET /programs: each program's latestVersion is 2, its versions [1, 2];
 * - GET /programs/:program/workflow (no version: the latest) answers v2; v1's answer is now ?version=1's, whose
 *   latestVersion and versions say that a v2 exists;
 * - GET /dashboard/workflows draws each program's latest definition: v2's; v1's diagrams are ?version=1's.
 */
export const LATEST_VERSION = 2;
const VERSIONS = [1, 2];

/** Written out here, apart from the code under test: what v2 changes in v1's states and commands. */
const V2_STATE_AFTER_UNDER_ANALYSIS = 'analysed';
const V2_NEW_COMMANDS = ['complete_analysis', 'return_to_instruction'];
const V2_DECIDER_COMMANDS = ['validate', 'reject', 'return_to_instruction'];

interface View {
  program: string;
  version: number;
  title: string;
  states: { name: string; label: string; initial: boolean; final: boolean }[];
  transitions: { command: string; label: string; from: string[]; to: string; roles: string[]; reasonRequired: boolean }[];
  mermaid: string;
}

/** GET /programs as v1 answered it, now that each program has a v2. */
export function withVersion2Listed(v1: RecordedRead): RecordedRead {
  const body = v1.body as { items: Record<string, unknown>[] };
  return { ...v1, body: { items: body.items.map((p) => ({ ...p, latestVersion: LATEST_VERSION, versions: VERSIONS })) } };
}

/** v1's answer to GET /programs/:program/workflow is now the one of `?version=1`, which knows of v2. */
export function servedAsVersion1(v1: RecordedRead): RecordedRead {
  const body = v1.body as Record<string, unknown>;
  return { ...v1, path: `${v1.path}?version=1`, body: { ...body, latestVersion: LATEST_VERSION, versions: VERSIONS } };
}

/** A definition as the dashboard draws it (GET /dashboard/workflows' item), from GET /programs/:program/workflow's view. */
export function diagramOf(view: View): View {
  return {
    program: view.program,
    version: view.version,
    title: view.title,
    states: view.states.map(({ name, label, initial, final }) => ({ name, label, initial, final })),
    transitions: view.transitions.map(({ command, label, from, to, roles, reasonRequired }) => ({
      command,
      label,
      from,
      to,
      roles,
      reasonRequired,
    })),
    mermaid: view.mermaid,
  };
}

/** v2 is v1 with `analysed` after `under_analysis`, two new commands, and the decisions run by a decider. */
export function expectVersion2OfVersion1(v1: View, v2: View): void {
  expect([v1.version, v2.version]).toEqual([1, LATEST_VERSION]);
  const v1States = v1.states.map((s) => s.name);
  expect(v2.states.map((s) => s.name)).toEqual(
    v1States.flatMap((s) => (s === 'under_analysis' ? [s, V2_STATE_AFTER_UNDER_ANALYSIS] : [s])),
  );
  const commands = (v: View) => [...new Set(v.transitions.map((t) => t.command))].sort();
  expect(commands(v2)).toEqual([...commands(v1), ...V2_NEW_COMMANDS].sort());
  const rolesOf = (v: View, command: string) => v.transitions.filter((t) => t.command === command).map((t) => t.roles);
  expect(rolesOf(v1, 'validate')).toEqual([['validator']]);
  for (const command of V2_DECIDER_COMMANDS) expect(rolesOf(v2, command)).toEqual([['decider']]);
}

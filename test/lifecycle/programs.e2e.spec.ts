import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROGRAM_DEFINITIONS, educationWorkflowV1, educationWorkflowV2, healthWorkflowV1, healthWorkflowV2 } from '#projects';
import { type WorkflowDefinition, WorkflowDefinitionError, toMermaid } from '#workflow';
import { type ApiHarness, FakeClock, startApi } from '../support/api-harness.js';
import { actors, educationUnderAnalysis, ok, read } from './lifecycle-flow.js';

describe('GET /programs, GET /programs/:id/workflow (public)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists the programs and their definition versions, without a token', async () => {
    const res = await api.request('GET', '/programs');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        program: 'education',
        title: educationWorkflowV2.title,
        definitionId: 'cnr-education',
        latestVersion: 2,
        versions: [1, 2],
        workflow: '/programs/education/workflow',
      },
      {
        program: 'health',
        title: healthWorkflowV2.title,
        definitionId: 'cnr-health',
        latestVersion: 2,
        versions: [1, 2],
        workflow: '/programs/health/workflow',
      },
    ]);
  });

  it('returns a definition by program or definition id: states, transitions, roles, deadlines, Mermaid', async () => {
    const res = await api.request('GET', '/programs/health/workflow');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'cnr-health',
      version: 2,
      program: 'health',
      latestVersion: 2,
      versions: [1, 2],
      mermaid: toMermaid(healthWorkflowV2),
    });
    expect(res.body.states.find((s: { name: string }) => s.name === 'cts_review')).toEqual({
      name: 'cts_review',
      label: 'Avis du conseil territorial de santé',
      initial: false,
      final: false,
    });
    expect(res.body.states.find((s: { name: string }) => s.name === 'analysed')).toEqual({
      name: 'analysed',
      label: 'Instruit, en attente d’examen et de décision',
      initial: false,
      final: false,
    });
    const transition = (body: { transitions: { command: string }[] }, command: string) =>
      body.transitions.find((t) => t.command === command);
    expect(transition(res.body, 'complete_analysis')).toMatchObject({
      from: ['under_analysis'],
      to: 'analysed',
      roles: ['validator'],
      reasonRequired: true,
    });
    expect(transition(res.body, 'refer_to_cts')).toMatchObject({ from: ['analysed'], to: 'cts_review', roles: ['validator'] });
    expect(transition(res.body, 'validate')).toMatchObject({
      from: ['analysed', 'cts_review'],
      to: 'validated',
      roles: ['decider'],
      reasonRequired: true,
      inputs: [{ name: 'grantedAmountCents' }, { name: 'signature' }],
      guards: [{ name: 'cts_opinion_where_required' }],
    });
    expect(transition(res.body, 'return_to_instruction')).toMatchObject({
      from: ['analysed', 'cts_review'],
      to: 'under_analysis',
      roles: ['decider'],
      reasonRequired: true,
    });
    expect(transition(res.body, 'request_completion')).toMatchObject({
      opensDeadline: 'completion',
    });
    expect(res.body.deadlines).toEqual([
      {
        name: 'completion',
        label: 'Délai pour compléter le dossier',
        durationDays: 30,
        suspendDuringSchoolHolidays: false,
        reminderDaysBefore: 7,
        onExpiry: { command: 'lapse', reason: 'Délai de complément dépassé : dossier classé sans suite' },
        cancelledBy: ['resubmit', 'withdraw'],
      },
    ]);
    expect(res.body.access.territory.validator).toEqual([
      { scope: 'regions', field: 'region' },
      { scope: 'cts', field: 'cts' },
    ]);
    expect(res.body.access.territory.decider).toEqual([
      { scope: 'regions', field: 'region' },
      { scope: 'departements', field: 'departement' },
    ]);
    // v1, on which the projects started before v2 finish: the ARS's instructeur decides from cts_review once the CTS is heard.
    const v1 = await api.request('GET', '/programs/health/workflow?version=1');
    expect(v1.body).toMatchObject({ version: 1, latestVersion: 2, mermaid: toMermaid(healthWorkflowV1) });
    expect(transition(v1.body, 'validate')).toMatchObject({
      from: ['cts_review'],
      to: 'validated',
      roles: ['validator'],
      inputs: [{ name: 'grantedAmountCents' }],
      guards: [{ name: 'cts_opinion_recorded' }],
    });
    expect(transition(v1.body, 'complete_analysis')).toBeUndefined();
    const byId = await api.request('GET', '/programs/cnr-education/workflow?version=1');
    expect(byId.body).toMatchObject({ id: 'cnr-education', version: 1, mermaid: toMermaid(educationWorkflowV1) });
    expect(byId.body.mermaid).toMatch(/^stateDiagram-v2\n/);
    const education = await api.request('GET', '/programs/cnr-education/workflow');
    expect(education.body).toMatchObject({ id: 'cnr-education', version: 2, mermaid: toMermaid(educationWorkflowV2) });
    expect(transition(education.body, 'validate')).toMatchObject({ from: ['analysed'], roles: ['decider'], guards: [] });
    expect(education.body.access.territory.decider).toEqual([
      { scope: 'academies', field: 'academie' },
      { scope: 'departements', field: 'departement' },
    ]);
  });

  it('an unknown program or version is 404 naming what exists; a malformed version is 400', async () => {
    const program = await api.request('GET', '/programs/culture/workflow');
    expect(program.status).toBe(404);
    expect(program.body).toMatchObject({ code: 'PROGRAM_NOT_FOUND', programs: ['education', 'health'] });
    const version = await api.request('GET', '/programs/education/workflow?version=7');
    expect(version.status).toBe(404);
    expect(version.body).toMatchObject({ code: 'WORKFLOW_VERSION_NOT_FOUND', versions: [1, 2] });
    const bad = await api.request('GET', '/programs/education/workflow?version=deux');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ field: 'version' })] });
  });
});

describe('definition versions through the API', () => {
  /** A version 3 gives 15 days (instead of 30) to complete a dossier sent back. */
  const educationV3: WorkflowDefinition = {
    ...educationWorkflowV2,
    version: 3,
    deadlines: educationWorkflowV2.deadlines.map((d) => ({ ...d, durationDays: 15 })),
  };

  it('a project keeps the version it started under; a new version (after a restart) applies to new projects only', async () => {
    const clock = new FakeClock();
    const dataDir = mkdtempSync(join(tmpdir(), 'refonda-versions-'));
    let api = await startApi({}, dataDir, clock);
    try {
      const a = await actors(api);
      const old = await educationUnderAnalysis(api, a, 'Déclaré sous la version 2');
      await api.close(true);

      // A new version shipped: the application builds its one registry from the program definitions at start-up.
      PROGRAM_DEFINITIONS.push(educationV3);
      api = await startApi({}, dataDir, clock);
      expect((await api.request('GET', '/programs')).body.items[0]).toMatchObject({
        program: 'education',
        latestVersion: 3,
        versions: [1, 2, 3],
      });
      expect((await api.request('GET', '/programs/education/workflow')).body).toMatchObject({
        version: 3,
        deadlines: [{ durationDays: 15 }],
      });
      expect((await api.request('GET', '/programs/education/workflow?version=2')).body).toMatchObject({
        version: 2,
        deadlines: [{ durationDays: 30 }],
      });

      const young = await educationUnderAnalysis(api, a, 'Déclaré sous la version 3');
      await ok(api, a.eduValidator, old, 'request_completion', { reason: 'Pièces manquantes' });
      await ok(api, a.eduValidator, young, 'request_completion', { reason: 'Pièces manquantes' });
      const oldProject = (await read(api, a.holder, old)).body;
      const youngProject = (await read(api, a.holder, young)).body;
      expect(oldProject.workflow).toMatchObject({
        definition: { id: 'cnr-education', version: 2 },
        // From Friday 1 September 2023, counted after the summer holidays (to Sunday 3): 30 days to Tuesday 3 October, 15 to Monday 18.
        deadlines: [{ dueAt: '2023-10-03T22:00:00.000Z' }],
      });
      expect(youngProject.workflow).toMatchObject({
        definition: { id: 'cnr-education', version: 3 },
        deadlines: [{ dueAt: '2023-09-18T22:00:00.000Z' }],
      });
    } finally {
      PROGRAM_DEFINITIONS.splice(PROGRAM_DEFINITIONS.indexOf(educationV3), 1);
      await api.close();
    }
  });
});

describe('definitions are checked when the application starts', () => {
  const restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
  });

  async function startupError(): Promise<unknown> {
    const dataDir = mkdtempSync(join(tmpdir(), 'refonda-bad-definition-'));
    try {
      const api = await startApi({}, dataDir);
      await api.close();
      return undefined;
    } catch (error) {
      return error;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('a state with no exit stops start-up, naming the definition and the fault', async () => {
    healthWorkflowV1.states.push({ name: 'limbo', label: 'Nulle part' });
    restore.push(() => healthWorkflowV1.states.pop());
    const error = await startupError();
    expect(error).toBeInstanceOf(WorkflowDefinitionError);
    expect((error as Error).message).toBe(
      'workflow definition "cnr-health" v1: dead_end_state: state "limbo" is not final but has no exit',
    );
  });

  it('a timeout the deadline process may not run stops start-up', async () => {
    const lapse = educationWorkflowV1.transitions.find((t) => t.command === 'lapse')!;
    const roles = lapse.roles;
    lapse.roles = ['validator'];
    restore.push(() => {
      lapse.roles = roles;
    });
    const error = await startupError();
    expect(error).toMatchObject({ definitionId: 'cnr-education', version: 1, fault: 'invalid_deadline' });
    expect((error as Error).message).toContain('its timeout "lapse" must allow role system');
  });

  it('a transition nobody can send stops start-up', async () => {
    educationWorkflowV1.transitions.push({
      command: 'archive',
      event: 'project.archived',
      from: ['rejected'],
      to: 'withdrawn',
      roles: ['admin'],
      label: 'Archiver',
    });
    restore.push(() => educationWorkflowV1.transitions.pop());
    const error = await startupError();
    expect(error).toMatchObject({ definitionId: 'cnr-education', fault: 'unrunnable_command' });
    expect((error as Error).message).toContain('transition "archive" is neither an HTTP command');
  });

  it('the unchanged definitions start', async () => {
    expect(await startupError()).toBeUndefined();
  });
});

describe('npm run cli -- workflow', () => {
  const CLI = 'dist/apps/cli/src/main.js';
  const cli = (...args: string[]) => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
    return spawnSync(process.execPath, [CLI, 'workflow', ...args], { encoding: 'utf8', timeout: 15000 });
  };

  it('prints a program as a Mermaid state diagram', () => {
    const run = cli('education', '--mermaid');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(toMermaid(educationWorkflowV2));
    expect(run.stdout).toContain('under_analysis --> completion_requested: request_completion (validator, motif, ⏱ completion)');
    expect(run.stdout).toContain('under_analysis --> analysed: complete_analysis (validator, motif)');
    expect(run.stdout).toContain('analysed --> under_analysis: return_to_instruction (decider, motif)');
    const v1 = cli('education', '--mermaid', '--version', '1');
    expect(v1.stdout).toBe(toMermaid(educationWorkflowV1));
    expect(v1.stdout).toContain('under_analysis --> validated: validate (validator, motif)');
  });

  it('lists the programs, prints a summary or JSON, and refuses an unknown program', () => {
    expect(cli().stdout).toMatch(/^education +cnr-education versions 1, 2: /m);
    expect(cli('cnr-health').stdout).toContain('record_cts_opinion');
    expect(JSON.parse(cli('health', '--json', '--version', '1').stdout)).toMatchObject({ id: 'cnr-health', version: 1 });
    expect(JSON.parse(cli('health', '--json').stdout)).toMatchObject({ id: 'cnr-health', version: 2 });
    const unknown = cli('culture', '--mermaid');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown program "culture": one of education, health');
    expect(cli('education', '--version', '9').status).toBe(2);
  });
});

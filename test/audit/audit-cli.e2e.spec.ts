import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { startApi } from '../support/api-harness.js';
import { fundingScenario } from './support/funding.js';
import { educationToValidation } from './support/projects.js';
import { changeOneByte, rows } from './support/tamper.js';

const run = promisify(execFile);

/** `npm run cli -- audit …` (node dist/apps/cli/src/main.js), on this DATA_DIR; resolves with the exit code. */
async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/apps/cli/src/main.js', 'audit', ...args], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run cli -- audit …, on the files a real API wrote', () => {
  let dataDir: string;
  let projectId: string;
  let head: number;
  let streams: number;
  beforeAll(async () => {
    const api = await startApi();
    dataDir = api.dataDir;
    const holder = await api.token({ role: 'holder', sub: 'holder-meuse' });
    const validator = await api.token({ role: 'validator', sub: 'validator-nancy', scope: { academies: ['12'] } });
    ({ id: projectId } = await educationToValidation(api, { holder, validator }));
    await fundingScenario(api.app.get<EventStore>(EVENT_STORE), projectId);
    head = Number(await api.app.get<EventStore>(EVENT_STORE).headPosition());
    streams = new Set((await api.app.get<EventStore>(EVENT_STORE).readAll()).map((e) => e.streamId)).size;
    expect((await api.request('GET', `/projects?minPosition=${head}`, { token: holder })).status).toBe(200);
    await api.close(true);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verify, anchor, public-key, verify --anchor, replay and both exports succeed on an intact log', async () => {
    const verify = await cli(dataDir, 'verify');
    expect(verify).toMatchObject({ code: 0 });
    // The project, its envelope, the school's directory entry and the habilitations of the tokens used.
    expect(streams).toBeGreaterThanOrEqual(6);
    expect(verify.stdout).toMatch(new RegExp(`OK: ${head} events in ${streams} stream\\(s\\).*at position ${head} \\(equals log_head\\)`));

    expect((await cli(dataDir, 'public-key', '--out', join(dataDir, 'kept.pem'))).code).toBe(0);
    expect(readFileSync(join(dataDir, 'kept.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(statSync(join(dataDir, 'audit-ed25519.pem')).mode & 0o777).toBe(0o600);
    expect((await cli(dataDir, 'anchor', '--out', join(dataDir, 'anchor.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dataDir, 'anchor.json'), 'utf8'))).toMatchObject({ position: String(head) });
    const anchored = await cli(dataDir, 'verify', '--anchor', join(dataDir, 'anchor.json'), '--public-key', join(dataDir, 'kept.pem'));
    expect(anchored.code).toBe(0);
    expect(anchored.stdout).toMatch(`the log up to position ${head} is unchanged`);

    const replay = await cli(dataDir, 'replay');
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/identical {2}projects v\d+ at position \d+/);
    expect(replay.stdout).toMatch(/every read model is identical/);

    expect((await cli(dataDir, 'export-ledger', '--out', join(dataDir, 'ledger.csv'))).code).toBe(0);
    const ledger = readFileSync(join(dataDir, 'ledger.csv'));
    expect([...ledger.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The title comes from the read models the API left in DATA_DIR.
    const title = 'Un jardin pédagogique partagé à Bar-le-Duc';
    const PAYEE = 'Commune de Lille;21590350100017';
    expect(ledger.toString('utf8')).toContain(
      `;${projectId};${title};${PAYEE};EJ-2023-001;21032023001;EJ-2023-001;engagement;-12500,00;0,00;finance-lille;gestionnaire;`,
    );
    expect((await cli(dataDir, 'export-ledger', '--format', 'international', '--out', join(dataDir, 'ledger-int.csv'))).code).toBe(0);
    expect(readFileSync(join(dataDir, 'ledger-int.csv'), 'utf8')).toContain(
      `,${projectId},${title},${PAYEE.replace(';', ',')},EJ-2023-001,21032023001,EJ-2023-001,engagement,-12500.00,0.00,`,
    );
    expect((await cli(dataDir, 'export-ledger', '--format', 'xlsx', '--out', join(dataDir, 'ledger.xlsx'))).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dataDir, 'ledger.xlsx'));
    const commitment = workbook.getWorksheet('Grand livre')!.getRow(3);
    expect([commitment.getCell(5).value, commitment.getCell(6).value, commitment.getCell(12).value, commitment.getCell(13).value]).toEqual([
      projectId,
      title,
      'engagement',
      -12_500,
    ]);
    expect(await cli(dataDir, 'export-ledger', '--format', 'tab')).toMatchObject({
      code: 2,
      stderr: '--format must be one of fr, international, xlsx\n',
    });
    expect((await cli(dataDir, 'export-log', '--out', join(dataDir, 'log.jsonl'))).code).toBe(0);
    expect(readFileSync(join(dataDir, 'log.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(head);
  });

  it("replay lists a live read-model row changed behind the projections' back", async () => {
    const db = new Database(join(dataDir, 'read-models-main.sqlite'));
    db.prepare("UPDATE projects SET title = 'Titre falsifié' WHERE id = ?").run(projectId);
    db.close();
    const replay = await cli(dataDir, 'replay');
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('DIFFERENT  projects');
    expect(replay.stdout).toContain(
      `differs {"id":"${projectId}"} title: live "Titre falsifié" ≠ replay "Un jardin pédagogique partagé à Bar-le-Duc"`,
    );
  });

  it('verify fails and names the altered event; the anchor no longer verifies', async () => {
    const target = rows(join(dataDir, 'events.sqlite')).find((r) => r.stream_id === `project-${projectId}` && r.revision === 2)!;
    changeOneByte(join(dataDir, 'events.sqlite'), target.position);
    const verify = await cli(dataDir, 'verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(
      `first: position ${target.position}, stream project-${projectId}, revision 2: altered event (hash mismatch)`,
    );
    const anchored = await cli(dataDir, 'verify', '--anchor', join(dataDir, 'anchor.json'), '--public-key', join(dataDir, 'kept.pem'));
    expect(anchored.code).toBe(1);
    expect(anchored.stdout).toContain('FAILED against the anchor');
    expect((await cli(dataDir, 'anchor')).code).toBe(1);
  });
});

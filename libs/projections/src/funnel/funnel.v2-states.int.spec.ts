import { afterAll, expect, it } from '@jest/globals';
import { FunnelLog, projectFunnel } from './funnel.log.fixture.js';
import { FunnelQueries } from './funnel.queries.js';

const log = new FunnelLog();
afterAll(() => log.close());

it('workflow v2: a dossier instructed and awaiting its decision (analysed) is deposited and still in instruction', async () => {
  const meuse = { region: '44', departement: '55', academie: '12' };
  await log.declare('v2-a', 'education', meuse, '0550001C');
  await log.deposit('v2-a');
  await log.go('v2-a', 'start_analysis', 'submitted', 'under_analysis');
  await log.go('v2-a', 'complete_analysis', 'under_analysis', 'analysed');
  await log.declare('v2-b', 'education', meuse, '0550002D');
  await log.validate('v2-b', 1_000_000);
  const db = projectFunnel(await log.events());
  const education = new FunnelQueries(db).byProgram().education!;
  expect(education).toMatchObject({ intentions: 2, deposited: 2, under_analysis: 1, validated: 1 });
  db.close();
});

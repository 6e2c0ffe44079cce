import { FunnelLog } from './funnel.log.fixture.js';

/** Schools by UAI (valid check letters) and their territories in Grand Est (44) and Hauts-de-France (32). */
export const SCHOOL = { A: '0550001C', B: '0570001S', C: '0510001Z', D: '0670001M', E: '0670002N', F: '0590001F' };
const MEUSE = { region: '44', departement: '55', academie: '12' };
const MOSELLE = { region: '44', departement: '57', academie: '12' };
const MARNE = { region: '44', departement: '51', academie: '19' };
const BAS_RHIN = { region: '44', departement: '67', academie: '15' };
const NORD = { region: '32', departement: '59', academie: '09' };

/**
 * Education: 6 projects of 5 schools in Grand Est (A holds two; B is co-holder of A's first, then holds its own in another
 * département), one in Nord. Health: 3 projects in Grand Est (one without a CTS), 3 in Nord (two CTS, one without).
 * Organisations are registered before (A), after (B, D, E) or never (C, F).
 */
export async function countingScenario(log: FunnelLog, middle?: () => Promise<void>): Promise<void> {
  await log.register('org-a', 'ecole', SCHOOL.A);
  // A's first project, with B as co-holder (listed twice, in lower case, beside malformed entries: read defensively).
  const coHolders = [{ organisationId: SCHOOL.B }, { organisationId: SCHOOL.B.toLowerCase() }, null, {}];
  await log.declare('e1', 'education', MEUSE, SCHOOL.A, coHolders);
  await log.deposit('e1');
  await log.go('e1', 'start_analysis', 'submitted', 'under_analysis');
  await log.go('e1', 'reject', 'under_analysis', 'rejected');
  await log.declare('e2', 'education', MEUSE, SCHOOL.A);
  await log.validate('e2', 1_000_000);
  await log.declare('e3', 'education', MOSELLE, SCHOOL.B);
  await log.deposit('e3');
  await log.go('e3', 'withdraw', 'submitted', 'withdrawn');
  await log.declare('e4', 'education', MARNE, SCHOOL.C);
  await log.go('e4', 'start_drafting', 'intention', 'drafting');
  await log.go('e4', 'withdraw', 'drafting', 'withdrawn');
  await log.declare('e5', 'education', BAS_RHIN, SCHOOL.D);
  await log.validate('e5', 500_000);
  await middle?.();
  await log.go('e5', 'start_financing', 'validated', 'financing', { commitmentRef: 'EJ-5' });
  await log.go('e2', 'start_financing', 'validated', 'financing', { commitmentRef: 'EJ-2' });
  await log.go('e2', 'close', 'financing', 'closed');
  await log.declare('e6', 'education', BAS_RHIN, SCHOOL.E);
  await log.deposit('e6');
  await log.go('e6', 'start_analysis', 'submitted', 'under_analysis');
  await log.declare('e7', 'education', NORD, SCHOOL.F);
  await log.deposit('e7');
  await log.register('org-b', 'college', SCHOOL.B);
  await log.register('org-d', 'lycee_professionnel', SCHOOL.D);
  await log.register('org-e', 'eple', SCHOOL.E);

  await log.declare('h1', 'health', { region: '44', departement: '55', cts: 'CTS-44-55' }, '550000012');
  await log.validate('h1', 300_000, 'cts_review');
  await log.declare('h2', 'health', { region: '44', departement: '51' }, '510000013');
  await log.deposit('h2');
  await log.declare('h3', 'health', { region: '44', departement: '55', cts: 'CTS-44-55' }, '550000012');
  await log.declare('h4', 'health', { region: '32', departement: '59', cts: 'CTS-32-59-1' }, '590000014');
  await log.deposit('h4');
  await log.go('h4', 'start_analysis', 'submitted', 'under_analysis');
  await log.go('h4', 'refer_to_cts', 'under_analysis', 'cts_review');
  await log.declare('h5', 'health', { region: '32', departement: '59', cts: 'CTS-32-59-2' }, '590000015');
  await log.declare('h6', 'health', { region: '32', departement: '59' }, '590000016');
}

/**
 * The wire's amount rule, checked on a JSON answer: an integer amount is named …Cents; fr-FR euro text (« 12 500,00 € »)
 * only appears under `display`. A number under any other name must be declared here as not money, so a new field
 * holding money without the suffix fails the check instead of slipping through.
 */
export const NOT_MONEY = new Set([
  // counts
  'count',
  'commitments',
  'instalments',
  'total',
  'queue',
  'awaitingHolder',
  'under7Days',
  'from7To30Days',
  'over30Days',
  'overdue',
  'dueWithin7Days',
  'intentions',
  'drafting',
  'deposited',
  'to_analyse',
  'under_analysis',
  'to_complete',
  'validated',
  'rejected',
  'financed',
  'withdrawn',
  'deadlinesOpened',
  'page',
  'pageSize',
  'events',
  'batches',
  'pending',
  'expired',
  'failures',
  // years, numbers, sizes, versions, rates, time
  'year',
  // an award act's exercises (years)
  'first',
  'last',
  'fromYear',
  'toYear',
  'currentYear',
  'nextYear',
  'requestedYear',
  'instalment',
  'number',
  'sizeBytes',
  'version',
  'versions',
  'latestVersion',
  'schemaVersion',
  'durationDays',
  'reminderDaysBefore',
  'percent',
  'lag',
  'status',
  'uptimeSeconds',
]);

/**
 * Maps whose keys are data, not field names, and whose values are cents: the log's own event data (command outcomes,
 * GET /audit/log.jsonl), which keeps the shape v1 wrote. `split.shares` maps a split key to cents.
 */
export const CENTS_BY_KEY = new Set(['shares']);

const EURO_TEXT = /^\d{1,3}(?:[\u202f\u00a0 ]\d{3})*,\d{2}\u00a0€$/;

/** Every place where `body` breaks the rule, as "path: why". */
export function moneyFieldFaults(body: unknown, path = '$', key = '', parents: string[] = []): string[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => moneyFieldFaults(item, `${path}[${i}]`, key, parents));
  if (body !== null && typeof body === 'object') {
    const inMap = CENTS_BY_KEY.has(key) && Object.values(body).every((v) => typeof v === 'number');
    return Object.entries(body).flatMap(([name, child]) => {
      if (inMap) return Number.isSafeInteger(child) ? [] : [`${path}.${name}: cents by key must be integers`];
      return moneyFieldFaults(child, `${path}.${name}`, name, [...parents, key]);
    });
  }
  if (typeof body === 'number') {
    if (key.endsWith('Cents')) return Number.isSafeInteger(body) ? [] : [`${path}: a …Cents field holds integer cents, got ${body}`];
    return NOT_MONEY.has(key) ? [] : [`${path}: a number named "${key}": integer money is named …Cents (or declare it in NOT_MONEY)`];
  }
  if (typeof body === 'string') {
    if (key.endsWith('Cents')) return [`${path}: a …Cents field holds a number, got the string "${body}"`];
    if (EURO_TEXT.test(body) && key !== 'display' && !parents.includes('display')) return [`${path}: fr-FR euro text outside "display"`];
  }
  return [];
}

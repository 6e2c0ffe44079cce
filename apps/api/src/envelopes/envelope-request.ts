import { invalid } from '#kernel';
import { type EnvelopeCommand, parseAmount } from '#funding';

type Body = Record<string, unknown>;
/** An envelope command without what the HTTP shell adds (request id, context). */
export type EnvelopeOrder = EnvelopeCommand extends infer C ? (C extends unknown ? Omit<C, 'requestId' | 'ctx'> : never) : never;

/** POST /envelopes/:id/<operation>: the accepted fields of each, and how they become a command. */
export const OPERATIONS = {
  notify: ['ae', 'cp', 'kind', 'reason'],
  reduce: ['ae', 'cp', 'reason'],
  split: ['split', 'reason'],
  allocate: ['childId', 'ae', 'cp', 'reason'],
  transfer: ['toId', 'ae', 'cp', 'reason'],
  commit: ['commitmentRef', 'projectId', 'amount', 'splitKey', 'reason'],
  release: ['commitmentRef', 'amount', 'reason'],
  'service-done': ['commitmentRef', 'amount', 'reference'],
  pay: ['commitmentRef', 'amount', 'certifyServiceDone', 'reference'],
  recover: ['commitmentRef', 'amount', 'reason'],
  'close-year': ['year'],
} as const;
export type Operation = keyof typeof OPERATIONS;
export const OPEN_FIELDS = ['fund', 'territoryCode', 'period', 'year', 'label', 'parentId', 'ceiling', 'carryOver', 'split'] as const;

export function isOperation(value: string): value is Operation {
  return Object.hasOwn(OPERATIONS, value);
}

/** An object body whose every field is known (400 naming the first unknown one). */
export function checkBody(body: unknown, allowed: readonly string[]): Body {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalid('VALIDATION_FAILED', 'body', 'a JSON object');
  for (const field of Object.keys(body)) {
    if (!allowed.includes(field)) throw invalid('VALIDATION_FAILED', field, `unknown field; allowed: ${allowed.join(', ')}`);
  }
  return body as Body;
}

/** Amounts: integer cents (JSON number) or decimal euros (string, "12500.00"); never a float. */
const amount = (b: Body, field: string) => parseAmount(b[field], field);
const optionalAmount = (b: Body, field: string) => (b[field] === undefined ? undefined : amount(b, field));
const optional = <K extends string>(b: Body, field: K) =>
  (b[field] === undefined ? {} : { [field]: b[field] }) as Partial<Record<K, never>>;

function splitOf(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  const s = value as { mode?: unknown; shares?: unknown };
  if (!s.shares || typeof s.shares !== 'object') return value;
  const shares = Object.fromEntries(Object.entries(s.shares).map(([k, v]) => [k, parseAmount(v, `split.shares.${k}`)]));
  return { ...s, shares };
}

export function operationCommand(operation: Operation, b: Body): EnvelopeOrder {
  switch (operation) {
    case 'notify':
      return {
        type: 'NotifyCredits',
        aeCents: amount(b, 'ae'),
        cpCents: amount(b, 'cp'),
        ...optional(b, 'kind'),
        ...optional(b, 'reason'),
      };
    case 'reduce':
      return { type: 'ReduceCredits', aeCents: amount(b, 'ae'), cpCents: amount(b, 'cp'), reason: b['reason'] as string };
    case 'split':
      return { type: 'SetSplit', split: splitOf(b['split'] ?? null) as never, ...optional(b, 'reason') };
    case 'allocate':
      return {
        type: 'AllocateToChild',
        childId: b['childId'] as string,
        aeCents: amount(b, 'ae'),
        cpCents: amount(b, 'cp'),
        ...optional(b, 'reason'),
      };
    case 'transfer':
      return {
        type: 'TransferToSibling',
        toId: b['toId'] as string,
        aeCents: amount(b, 'ae'),
        cpCents: amount(b, 'cp'),
        reason: b['reason'] as string,
      };
    case 'commit':
      return {
        type: 'Commit',
        commitmentRef: b['commitmentRef'] as string,
        projectId: b['projectId'] as string,
        amountCents: amount(b, 'amount'),
        ...optional(b, 'splitKey'),
        ...optional(b, 'reason'),
      };
    case 'release': {
      const amountCents = optionalAmount(b, 'amount');
      return {
        type: 'ReleaseCommitment',
        commitmentRef: b['commitmentRef'] as string,
        reason: b['reason'] as string,
        ...(amountCents === undefined ? {} : { amountCents }),
      };
    }
    case 'service-done':
      return {
        type: 'RecordServiceDone',
        commitmentRef: b['commitmentRef'] as string,
        amountCents: amount(b, 'amount'),
        ...optional(b, 'reference'),
      };
    case 'pay': {
      if (b['certifyServiceDone'] !== undefined && typeof b['certifyServiceDone'] !== 'boolean')
        throw invalid('VALIDATION_FAILED', 'certifyServiceDone', 'a boolean');
      return {
        type: 'PayInstalment',
        commitmentRef: b['commitmentRef'] as string,
        amountCents: amount(b, 'amount'),
        ...optional(b, 'certifyServiceDone'),
        ...optional(b, 'reference'),
      };
    }
    case 'recover':
      return {
        type: 'Recover',
        commitmentRef: b['commitmentRef'] as string,
        amountCents: amount(b, 'amount'),
        reason: b['reason'] as string,
      };
    case 'close-year': {
      if (!Number.isInteger(b['year'])) throw invalid('VALIDATION_FAILED', 'year', 'the exercise year to close, an integer');
      return { type: 'CloseYear', year: b['year'] as number };
    }
  }
}

/** POST /envelopes: `period` { fromYear, toYear } or a single `year`. */
export function openCommand(b: Body): Extract<EnvelopeOrder, { type: 'OpenEnvelope' }> {
  if (b['period'] !== undefined && b['year'] !== undefined) throw invalid('VALIDATION_FAILED', 'year', 'either period or year, not both');
  const period = b['year'] !== undefined ? { fromYear: b['year'], toYear: b['year'] } : b['period'];
  const ceilingCents = b['ceiling'] === undefined || b['ceiling'] === null ? undefined : parseAmount(b['ceiling'], 'ceiling');
  return {
    type: 'OpenEnvelope',
    fund: b['fund'] as never,
    territoryCode: b['territoryCode'] as string,
    period: period as never,
    ...optional(b, 'label'),
    ...optional(b, 'parentId'),
    ...optional(b, 'carryOver'),
    ...(b['split'] === undefined ? {} : { split: splitOf(b['split']) as never }),
    ...(ceilingCents === undefined ? {} : { ceilingCents }),
  };
}

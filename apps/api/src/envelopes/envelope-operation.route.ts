import { HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation } from '@nestjs/swagger';
import { Roles } from '#auth';

export const OPERATIONS = [
  'notify',
  'reduce',
  'split',
  'allocate',
  'transfer',
  'commit',
  'release',
  'adjust-commitment',
  'service-done',
  'order-payment',
  'pay',
  'order-recovery',
  'collect-recovery',
  'close-year',
];

export const KEY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: 'required: a retry with the same key returns the first outcome and writes nothing',
};

export const AMOUNTS =
  'Amounts are euros as decimal strings ("12500.00", at most 2 decimals); a JSON number in an amount field is refused (400).';

/** Who runs each operation: finance (and admin) all but paying and collecting, which are the public accountant's. */
const ROLES_OF: Record<string, ('finance' | 'admin' | 'accountant')[]> = { pay: ['accountant'], 'collect-recovery': ['accountant'] };

/** One route per operation, `POST /envelopes/:id/<operation>`, its body documented by its own DTO. */
export function EnvelopeOperationRoute(operation: string, summary: string) {
  return applyDecorators(
    Post(`:id/${operation}`),
    HttpCode(200),
    Roles(...(ROLES_OF[operation] ?? ['finance', 'admin'])),
    ApiOperation({ summary: `${summary}. ${AMOUNTS}`, operationId: `envelope-${operation}` }),
    ApiHeader(KEY_HEADER),
    ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) the caller saw: stale → 412' }),
  );
}

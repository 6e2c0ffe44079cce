import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '#kernel';
import { fractionalNumberField } from './fractional-numbers.js';

const RAW = Symbol('envelopeRawBody');
type WithRaw = FastifyRequest & { [RAW]?: string };

/**
 * Keeps the raw JSON text of POST /envelopes… requests (only those), so that a JSON number with a fraction can be
 * refused even when JSON.parse would make it an integer ("1250.00" → 1250).
 */
export function captureEnvelopeRawBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method !== 'POST' || !/^\/envelopes(?:[/?]|$)/.test(request.url)) return payload;
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    const raw = Buffer.concat(chunks);
    (request as WithRaw)[RAW] = raw.toString('utf8');
    const replay = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
    replay.receivedEncodedLength = raw.length;
    return replay;
  });
}

/** 400 naming the field when the body holds a JSON number written with a fraction or an exponent. */
export function assertNoFractionalNumber(request: FastifyRequest): void {
  const raw = (request as WithRaw)[RAW];
  const field = raw === undefined ? null : fractionalNumberField(raw);
  if (field !== null) {
    throw new DomainError('invalid', 'INVALID_AMOUNT', `${field}: a JSON number with a fraction is not an amount; send integer cents or a decimal string ("12500.00")`, {
      field, rule: 'integer-cents',
    });
  }
}

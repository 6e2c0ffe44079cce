import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { DomainError, invalid } from '#kernel';
import { StoreUnavailableError } from '#event-store';
import { problemOf } from './problem-details.js';

describe('problem details (RFC 9457)', () => {
  it('maps a domain error: status from its category, stable code and type, French detail, the field at fault', () => {
    expect(problemOf(invalid('PROJECT_REASON_REQUIRED', 'reason', 'required'))).toEqual({
      type: 'urn:refonda:problem:project-reason-required',
      title: 'Requête invalide',
      status: 400,
      code: 'PROJECT_REASON_REQUIRED',
      detail: 'Le champ « reason » ne respecte pas la règle : required.',
      errors: [{ field: 'reason', rule: 'required' }],
    });
  });

  it('keeps facts as extension members, never letting them overwrite the standard members', () => {
    const error = new DomainError('conflict', 'ENVELOPE_INSUFFICIENT_AE', 'AE insuffisantes.', {
      availableCents: 5,
      detail: 'x',
      status: 200,
      title: 'y',
    });
    expect(problemOf(error)).toMatchObject({
      status: 409,
      title: 'Conflit avec l’état actuel',
      detail: 'AE insuffisantes.',
      availableCents: 5,
    });
  });

  it('maps 401, 503 and framework errors, and hides what a 500 was', () => {
    expect(problemOf(new DomainError('unauthenticated', 'AUTH_REQUIRED', 'Jeton requis.')).status).toBe(401);
    expect(problemOf(new StoreUnavailableError('disk'))).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE' });
    expect(problemOf(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(problemOf(Object.assign(new Error('too big'), { statusCode: 413 }))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(problemOf(new Error('secret stack'))).toEqual(expect.objectContaining({ status: 500, code: 'INTERNAL' }));
    expect(JSON.stringify(problemOf(new Error('secret stack')))).not.toContain('secret');
  });
});

describe('problem details of store and framework errors', () => {
  it('a store shutting down is a 503 to retry; a write race is a 409 without internal ids; anything else stays hidden', async () => {
    const { StoreClosedError, WrongExpectedRevisionError } = await import('#event-store');
    expect(problemOf(new StoreClosedError())).toMatchObject({ status: 503 });
    const race = problemOf(new WrongExpectedRevisionError('project-p1', 0n, 1n));
    expect(race).toMatchObject({ status: 409 });
    expect(race.detail).not.toContain('project-p1');
    expect(
      problemOf(Object.assign(new Error('EventStoreDB denied access: check the credentials'), { code: 'STORE_REJECTED' })),
    ).toMatchObject({
      status: 500,
      code: 'INTERNAL',
    });
  });

  it('a 4xx raised below Refonda keeps its status with a code that says it', () => {
    expect(problemOf(Object.assign(new Error('x'), { statusCode: 429 }))).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(problemOf(Object.assign(new Error('x'), { statusCode: 418 }))).toMatchObject({ status: 418, code: 'HTTP_418' });
  });
});

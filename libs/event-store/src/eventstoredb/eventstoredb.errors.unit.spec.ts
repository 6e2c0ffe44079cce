import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors.js';
import { isRetryable, mapClientError, StoreRejectedError } from './eventstoredb.errors.js';
import { notLeader, serviceError } from './client-fakes.js';

describe('mapping the client errors to the store errors', () => {
  it('maps WrongExpectedVersionError to WrongExpectedRevisionError with the stream, our expected revision and the actual one', () => {
    const e = new WrongExpectedVersionError(undefined, { streamName: 'project-1', expected: 0n, current: 1n });
    const mapped = mapClientError(e, { streamId: 'project-1', expected: 0n });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'project-1', expected: 0n, actual: 1n, code: 'WRONG_EXPECTED_REVISION' });
  });

  it('reads a missing stream as actual no_stream, and falls back to the client fields without context', () => {
    const e = new WrongExpectedVersionError(undefined, { streamName: 'envelope-9', expected: 'stream_exists', current: 'no_stream' });
    expect(mapClientError(e)).toMatchObject({ streamId: 'envelope-9', expected: 'stream_exists', actual: 'no_stream' });
    const e2 = new WrongExpectedVersionError(undefined, { streamName: 'envelope-9', expected: 'no_stream', current: -1n });
    expect(mapClientError(e2, { streamId: 'envelope-9', expected: 'no_stream' })).toMatchObject({ actual: 'no_stream' });
  });

  it.each([
    ['NotLeader', notLeader()],
    ['Unavailable', new UnavailableError(serviceError(14))],
    ['DeadlineExceeded', new DeadlineExceededError(serviceError(4))],
    ['Timeout (aborted)', new TimeoutError(serviceError(10))],
    ['Cancelled by the server', new CancelledError(serviceError(1))],
  ])('treats %s as retryable and maps it to StoreUnavailableError keeping the cause', (_name, error) => {
    expect(isRetryable(error)).toBe(true);
    const mapped = mapClientError(error);
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as Error).cause).toBe(error);
  });

  it('maps the errors a retry will not fix, and none of them is retryable', () => {
    const tooBig = MaxAppendSizeExceededError.fromMaxAppendSize(1048576);
    const denied = new AccessDeniedError(serviceError(16));
    const deleted = StreamDeletedError.fromStreamName('project-1');
    const wrong = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 3n });
    expect(mapClientError(tooBig)).toBeInstanceOf(InvalidAppendError);
    expect(mapClientError(denied)).toBeInstanceOf(StoreRejectedError);
    expect(mapClientError(deleted)).toMatchObject({ code: 'STORE_REJECTED', message: 'stream project-1 is deleted' });
    for (const e of [tooBig, denied, deleted, wrong, new Error('bug')]) expect(isRetryable(e)).toBe(false);
  });

  it('never lets a driver type out: unknown and plain errors become StoreUnavailableError, store errors pass as they are', () => {
    expect(mapClientError(new UnknownError(serviceError(2)))).toBeInstanceOf(StoreUnavailableError);
    expect(mapClientError(new Error('Failed to discover after 10 attempts'))).toBeInstanceOf(StoreUnavailableError);
    const own = new InvalidAppendError('x');
    expect(mapClientError(own)).toBe(own);
  });
});

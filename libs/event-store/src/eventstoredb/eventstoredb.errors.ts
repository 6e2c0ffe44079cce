import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  isCommandError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../event-store.port.js';
import {
  type ActualRevision,
  EventStoreError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../event-store.errors.js';

/** The server refused the operation for a reason a retry will not fix (access denied, deleted stream, unsupported). */
export class StoreRejectedError extends EventStoreError {
  readonly code = 'STORE_REJECTED';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreRejectedError';
  }
}

/**
 * Failures after which the same append (same event ids, same expected revision) may be sent again:
 * the leader moved, the node is out of reach, or the call timed out (it may have been written, in
 * which case the server's idempotency check answers the retry with the first result).
 */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof NotLeaderError ||
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  );
}

export interface ErrorContext {
  streamId?: string;
  expected?: ExpectedRevision;
}

/** Turns anything the client throws into one of the store's own errors: no driver type leaves the adapter. */
export function mapClientError(error: unknown, context: ErrorContext = {}): Error {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      context.streamId ?? error.streamName,
      context.expected ?? error.expectedVersion,
      toActual(error.actualVersion),
    );
  }
  if (isRetryable(error))
    return new StoreUnavailableError(`EventStoreDB unavailable (${(error as { type: string }).type}): ${(error as Error).message}`, error);
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(`append larger than the server's maximum append size (${error.maxAppendSize} bytes)`);
  }
  if (error instanceof AccessDeniedError)
    return new StoreRejectedError(`EventStoreDB denied access: check the credentials of EVENTSTORE_CONNECTION_STRING`, error);
  if (error instanceof StreamDeletedError) return new StoreRejectedError(`stream ${error.streamName} is deleted`, error);
  if (error instanceof UnknownError) return new StoreUnavailableError(`EventStoreDB call failed: ${error.message}`, error);
  if (error instanceof Error && isCommandError(error)) return new StoreRejectedError(`EventStoreDB refused: ${error.message}`, error);
  // Discovery failures, closed channels and the like come as plain errors.
  return new StoreUnavailableError(`EventStoreDB call failed: ${error instanceof Error ? error.message : String(error)}`, error);
}

function toActual(current: unknown): ActualRevision {
  if (typeof current === 'bigint' && current >= 0n) return current;
  return 'no_stream';
}

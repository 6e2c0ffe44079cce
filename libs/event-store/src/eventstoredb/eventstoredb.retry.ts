import { isRetryable } from './eventstoredb.errors.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before attempt n+1 (n from 1). */
  delayMs: (attempt: number) => number;
  isRetryable: (error: unknown) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_APPEND_RETRY: RetryPolicy = {
  attempts: 6,
  delayMs: (n) => Math.min(2000, 50 * 2 ** (n - 1)),
  isRetryable,
};

/**
 * Wraps an append function so that failures the policy calls retryable (NotLeader, Unavailable,
 * timeouts) are retried with exactly the same arguments: the same event objects (so the same ids)
 * and the same expected revision. A retry of an append that did reach the log is then answered by
 * the server's idempotency check instead of writing the events twice.
 */
export function withAppendRetry<A extends unknown[], R>(append: (...args: A) => Promise<R>, policy: RetryPolicy = DEFAULT_APPEND_RETRY) {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (...args: A): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await append(...args);
      } catch (error) {
        if (attempt >= policy.attempts || !policy.isRetryable(error)) throw error;
        await sleep(policy.delayMs(attempt));
      }
    }
  };
}

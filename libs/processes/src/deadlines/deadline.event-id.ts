import { eventIdFor } from '#kernel';

/**
 * The id of the index-th event of a deadline's timeout: two processes firing the same deadline
 * append the same ids, which the store treats as one.
 */
export function deadlineEventId(deadlineId: string, index: number): string {
  return eventIdFor(deadlineId, index, 'deadline');
}

import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from the deadline id and the event's index in the timeout's append:
 * two processes firing the same deadline append the same ids, which the store treats as one.
 */
export function deadlineEventId(deadlineId: string, index: number): string {
  const h = createHash('sha256').update(`refonda/deadline/${deadlineId}/${index}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

import { describe, expect, it } from '@jest/globals';
import { fakeLog } from './client-fakes.js';
import { SNAPSHOT_EVENT_TYPE, SNAPSHOT_STREAM_PREFIX } from './eventstoredb-snapshots.js';
import { isSystemEvent } from './eventstoredb.events.js';

describe('which $all events are the log’s', () => {
  const [event] = fakeLog([{ stream: 'envelope-a', events: 1 }]);
  it('leaves out system events and the adapter’s snapshots, and nothing else', () => {
    expect(isSystemEvent(event!)).toBe(false);
    expect(isSystemEvent({ ...event!, type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ ...event!, streamId: `${SNAPSHOT_STREAM_PREFIX}envelope-a`, type: SNAPSHOT_EVENT_TYPE })).toBe(true);
    // An application event that happens to carry the name, elsewhere, stays in the log.
    expect(isSystemEvent({ ...event!, type: SNAPSHOT_EVENT_TYPE })).toBe(false);
  });
});

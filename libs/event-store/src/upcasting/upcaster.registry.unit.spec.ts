import { describe, expect, it } from '@jest/globals';
import { normalizedMetadata } from '#kernel';
import type { RecordedEvent } from '../event-store.port.js';
import { UpcasterRegistry } from './upcaster.registry.js';

const event = (metadata: Record<string, unknown>, type = 'x.happened', schemaVersion = 1): RecordedEvent => ({
  id: 'e',
  streamId: 's',
  revision: 0n,
  position: 1n,
  type,
  schemaVersion,
  data: { n: 1 },
  metadata,
  recordedAt: new Date(0),
});

describe('UpcasterRegistry: metadata in one shape', () => {
  it('reads v1 metadata (`actor`, written by the HTTP shell) as today’s `actorId`, and leaves today’s alone', () => {
    const registry = new UpcasterRegistry().metadata(normalizedMetadata);
    expect(registry.upcast(event({ actor: 'holder-1', role: 'holder' })).metadata).toEqual({ actorId: 'holder-1', role: 'holder' });
    const current = event({ actorId: 'funding-process', role: 'system' });
    expect(registry.upcast(current)).toBe(current);
  });

  it('applies with the other steps, on events of every type and version', () => {
    const registry = new UpcasterRegistry()
      .metadata(normalizedMetadata)
      .retype('x.old', 1, (d: { n: number }) => ({ type: 'x.new', data: { m: d.n } }));
    expect(registry.upcast(event({ actor: 'a' }, 'x.old'))).toMatchObject({ type: 'x.new', data: { m: 1 }, metadata: { actorId: 'a' } });
  });
});

import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#kernel';
import { envelopeId, envelopeIdFromStream, envelopeStreamId, parseEnvelopeId } from './envelope.id.js';
import { canonicalJson, commandFingerprint, eventIdFor } from './request-id.js';

describe('envelope ids', () => {
  it('names one envelope per (fund, owner territory, period)', () => {
    expect(envelopeId('fip', 'academie-09', 2023)).toBe('fip-academie-09-2023');
    expect(envelopeId('fip', 'Academie-09', { fromYear: 2023, toYear: 2023 })).toBe('fip-academie-09-2023');
    expect(envelopeId('fip', 'national', { fromYear: 2023, toYear: 2027 })).toBe('fip-national-2023-2027');
    expect(envelopeId('fir', 'ars-32', '2023')).toBe('fir-ars-32-2023');
    expect(envelopeStreamId('fip-academie-09-2023')).toBe('envelope-fip-academie-09-2023');
    expect(envelopeIdFromStream('envelope-fir-cts-32-1-2023')).toBe('fir-cts-32-1-2023');
    expect(envelopeIdFromStream('project-123')).toBeUndefined();
  });

  it('parses back what it builds', () => {
    expect(parseEnvelopeId('fip-national-2023-2027')).toEqual({
      fund: 'fip',
      territoryCode: 'national',
      period: { fromYear: 2023, toYear: 2027 },
    });
    expect(parseEnvelopeId('fir-cts-32-1-2023')).toEqual({
      fund: 'fir',
      territoryCode: 'cts-32-1',
      period: { fromYear: 2023, toYear: 2023 },
    });
    expect(parseEnvelopeId('fip-academie-09-2027-2023')).toBeUndefined();
    expect(parseEnvelopeId('xyz-national-2023')).toBeUndefined();
  });

  it('refuses ambiguous or malformed parts', () => {
    expect(() => envelopeId('fir', 'cts-2023', 2024)).toThrow(DomainError);
    expect(() => envelopeId('fip', 'académie 09', 2023)).toThrow(DomainError);
    expect(() => envelopeId('xyz' as never, 'national', 2023)).toThrow(DomainError);
    expect(() => envelopeId('fip', 'national', { fromYear: 2027, toYear: 2023 })).toThrow(DomainError);
    expect(() => envelopeStreamId('national')).toThrow(DomainError);
  });
});

describe('request ids', () => {
  const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('derives deterministic UUID v5 event ids from the request id, the index and the scope', () => {
    const id = eventIdFor('key-1', 0);
    expect(id).toMatch(UUID_V5);
    expect(eventIdFor('key-1', 0)).toBe(id);
    expect(new Set([id, eventIdFor('key-1', 1), eventIdFor('key-2', 0), eventIdFor('key-1', 0, 'envelope-a')]).size).toBe(4);
    expect(() => eventIdFor('key-1', -1)).toThrow(DomainError);
  });

  it('fingerprints the payload whatever the key order, leaving the context and request id out', () => {
    const a = { type: 'Commit', amountCents: 5, commitmentRef: 'x', requestId: 'r1', ctx: { now: 1 } };
    const b = { commitmentRef: 'x', ctx: { now: 2 }, requestId: 'r2', amountCents: 5, type: 'Commit' };
    expect(commandFingerprint(a)).toBe(commandFingerprint(b));
    expect(commandFingerprint({ ...a, amountCents: 6 })).not.toBe(commandFingerprint(a));
    expect(canonicalJson({ b: 1, a: { d: 1, c: [2, 1] } })).toBe('{"a":{"c":[2,1],"d":1},"b":1}');
  });
});

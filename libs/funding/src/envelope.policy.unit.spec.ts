import { describe, expect, it } from '@jest/globals';
import type { Actor, DomainError } from '#kernel';
import { assertProjectCommittable, canManageEnvelope, canSeeEnvelope, projectInEnvelopeTerritory } from './envelope.policy.js';

const actor = (role: Actor['role'], scope: Actor['scope'] = {}): Actor => ({ id: `${role}-1`, role, scope });
const codeOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'accepted';
};

describe('the envelope policy', () => {
  it('lets admin manage every envelope, finance only those of its territory, never national ones; nobody else', () => {
    const lille = actor('finance', { academies: ['09'] });
    expect(canManageEnvelope(actor('admin'), 'fip-national-2023-2027')).toBe(true);
    expect(canManageEnvelope(lille, 'fip-academie-09-2023')).toBe(true);
    expect(canManageEnvelope(lille, 'fip-academie-12-2023')).toBe(false);
    expect(canManageEnvelope(lille, 'fip-national-2023-2027')).toBe(false);
    expect(canManageEnvelope(actor('finance', { regions: ['44'] }), 'fir-ars-44-2023')).toBe(true);
    expect(canManageEnvelope(actor('validator', { academies: ['09'] }), 'fip-academie-09-2023')).toBe(false);
    expect(canManageEnvelope(actor('auditor'), 'fip-academie-09-2023')).toBe(false);
  });

  it('lets national roles see every envelope, territorial roles their territory’s, holders none', () => {
    expect(canSeeEnvelope(actor('auditor'), 'fip-national-2023-2027')).toBe(true);
    expect(canSeeEnvelope(actor('validator', { cts: ['CTS-44-55'] }), 'fir-cts-44-55-2023')).toBe(true);
    expect(canSeeEnvelope(actor('validator', { departements: ['55'] }), 'fir-departement-55-2023')).toBe(true);
    expect(canSeeEnvelope(actor('finance', { academies: ['09'] }), 'fip-national-2023-2027')).toBe(false);
    expect(canSeeEnvelope(actor('holder'), 'fip-academie-09-2023')).toBe(false);
  });

  it('commits only an existing project of the envelope’s territory, validated or in financing', () => {
    const meuse = { region: '44', departement: '55', academie: '12', cts: 'CTS-44-55' };
    expect(projectInEnvelopeTerritory('fip-national-2023-2027', meuse)).toBe(true);
    expect(projectInEnvelopeTerritory('fir-ars-44-2023', meuse)).toBe(true);
    expect(projectInEnvelopeTerritory('fir-cts-44-55-2023', meuse)).toBe(true);
    expect(projectInEnvelopeTerritory('fip-academie-09-2023', meuse)).toBe(false);
    expect(codeOf(() => assertProjectCommittable('fip-academie-12-2023', 'p', undefined))).toBe('PROJECT_NOT_FOUND');
    const at = (status: string, territory = meuse) =>
      codeOf(() => assertProjectCommittable('fip-academie-12-2023', 'p', { status, territory }));
    expect(at('validated')).toBe('accepted');
    expect(at('financing')).toBe('accepted');
    expect(at('submitted')).toBe('ENVELOPE_PROJECT_NOT_COMMITTABLE');
    expect(at('closed')).toBe('ENVELOPE_PROJECT_NOT_COMMITTABLE');
    expect(at('validated', { ...meuse, academie: '09' })).toBe('ENVELOPE_PROJECT_OUT_OF_TERRITORY');
  });
});

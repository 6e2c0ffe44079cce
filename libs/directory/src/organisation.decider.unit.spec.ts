import { describe, it } from '@jest/globals';
import type { Actor } from '#kernel';
import { deciderSpecification } from '#testing';
import { type OrganisationCommand, organisationDecider } from './organisation.decider.js';
import type { OrganisationEvent } from './organisation.events.js';

const spec = deciderSpecification(organisationDecider);
const headTeacher: Actor = { id: 'person-0001', role: 'holder', scope: {} };
const newHeadTeacher: Actor = { id: 'person-0002', role: 'holder', scope: {} };
const stranger: Actor = { id: 'person-0099', role: 'holder', scope: {} };
const meuseValidator: Actor = { id: 'val-nancy-metz', role: 'validator', scope: { academies: ['12'] } };
const lilleValidator: Actor = { id: 'val-lille', role: 'validator', scope: { academies: ['09'] } };
/** École de Bar-le-Duc (Meuse): its UAI (check letter C), the commune 55029; the commune's SIRET pays for it. */
const SCHOOL = '0550001C';
const COMMUNE_SIRET = '21550029900015';
const IBAN = 'FR7630006000011234567890189';

const register = (over: Partial<Extract<OrganisationCommand, { type: 'RegisterOrganisation' }>> = {}): OrganisationCommand => ({
  type: 'RegisterOrganisation',
  organisationId: SCHOOL,
  kind: 'ecole',
  identifier: { scheme: 'uai', value: '0550 001c' },
  name: 'École de Bar-le-Duc',
  communeCode: '55029',
  departementCode: '55',
  actor: headTeacher,
  ...over,
});
const registered: OrganisationEvent = {
  type: 'organisation.registered',
  data: {
    organisationId: SCHOOL,
    kind: 'ecole',
    identifier: { scheme: 'uai', value: SCHOOL },
    name: 'École de Bar-le-Duc',
    communeCode: '55029',
    departementCode: '55',
  },
};
const member = (personId: string): OrganisationEvent => ({ type: 'organisation.member_added', data: { organisationId: SCHOOL, personId } });

describe('organisation: register', () => {
  it('records the body with its identifier as stored; the declaring person becomes its first member', () => {
    spec
      .given([])
      .when(register())
      .then([registered, member('person-0001')]);
  });

  it('a service registering a body does not become its member', () => {
    spec
      .given([])
      .when(register({ actor: meuseValidator }))
      .then([registered]);
  });

  it('refuses a wrong UAI check letter, a SIRET for a school, a FINESS that fails its key', () => {
    spec
      .given([])
      .when(register({ identifier: { scheme: 'uai', value: '0550001D' } }))
      .thenThrows('VALIDATION_FAILED', { field: 'identifier.value', rule: 'uai' });
    spec
      .given([])
      .when(register({ identifier: { scheme: 'siret', value: COMMUNE_SIRET } }))
      .thenThrows('VALIDATION_FAILED', { field: 'identifier.scheme' });
    spec
      .given([])
      .when(register({ kind: 'etablissement_sante', identifier: { scheme: 'finess', value: '550000013' } }))
      .thenThrows('VALIDATION_FAILED', { rule: 'finess' });
  });

  it('refuses a commune outside the département given ("Beauvais (80)": Beauvais is 60057, in the Oise)', () => {
    spec
      .given([])
      .when(
        register({
          organisationId: '0600001A',
          identifier: { scheme: 'uai', value: '0600001A' },
          communeCode: '60057',
          departementCode: '80',
        }),
      )
      .thenThrows('VALIDATION_FAILED', { field: 'communeCode', rule: 'commune-in-departement' });
  });

  it('refuses a UAI of another département than the commune’s', () => {
    spec
      .given([])
      .when(register({ organisationId: '0600001A', identifier: { scheme: 'uai', value: '0600001A' } }))
      .thenThrows('VALIDATION_FAILED', { field: 'departementCode', rule: 'identifier-departement' });
  });

  it('registers a body once', () => {
    spec.given([registered]).when(register()).thenThrows('ORGANISATION_EXISTS');
  });
});

describe('organisation: members and payee', () => {
  it('a new head teacher takes over: added by the outgoing one, who is then removed', () => {
    spec
      .given([registered, member('person-0001')])
      .when({ type: 'AddMember', organisationId: SCHOOL, personId: 'person-0002', actor: headTeacher })
      .then([member('person-0002')]);
    spec
      .given([registered, member('person-0001'), member('person-0002')])
      .when({ type: 'RemoveMember', organisationId: SCHOOL, personId: 'person-0001', actor: newHeadTeacher })
      .then([{ type: 'organisation.member_removed', data: { organisationId: SCHOOL, personId: 'person-0001' } }]);
  });

  it('someone who is not a member, or a validator of another territory, changes nothing', () => {
    const add = (actor: Actor): OrganisationCommand => ({ type: 'AddMember', organisationId: SCHOOL, personId: actor.id, actor });
    spec
      .given([registered, member('person-0001')])
      .when(add(stranger))
      .thenThrows('ORGANISATION_FORBIDDEN');
    spec
      .given([registered, member('person-0001')])
      .when(add(lilleValidator))
      .thenThrows('ORGANISATION_FORBIDDEN');
    spec
      .given([registered, member('person-0001')])
      .when(add(meuseValidator))
      .then([member('val-nancy-metz')]);
  });

  it('a removed member can no longer act for the body', () => {
    const removed: OrganisationEvent = { type: 'organisation.member_removed', data: { organisationId: SCHOOL, personId: 'person-0001' } };
    spec
      .given([registered, member('person-0001'), member('person-0002'), removed])
      .when({ type: 'AddMember', organisationId: SCHOOL, personId: 'person-0003', actor: headTeacher })
      .thenThrows('ORGANISATION_FORBIDDEN');
  });

  it('a school without legal personality is paid through another body; a body paid itself gives a SIRET and a checked IBAN', () => {
    spec
      .given([registered, member('person-0001')])
      .when({
        type: 'SetPayee',
        organisationId: SCHOOL,
        payee: { kind: 'paying_organisation', organisationId: COMMUNE_SIRET },
        actor: headTeacher,
      })
      .then([
        {
          type: 'organisation.payee_set',
          data: { organisationId: SCHOOL, payee: { kind: 'paying_organisation', organisationId: COMMUNE_SIRET } },
        },
      ]);
    spec
      .given([registered, member('person-0001')])
      .when({
        type: 'SetPayee',
        organisationId: SCHOOL,
        payee: { kind: 'self', siret: '215 500 299 00015', iban: 'FR76 3000 6000 0112 3456 7890 189' },
        actor: headTeacher,
      })
      .then([
        { type: 'organisation.payee_set', data: { organisationId: SCHOOL, payee: { kind: 'self', siret: COMMUNE_SIRET, iban: IBAN } } },
      ]);
    spec
      .given([registered, member('person-0001')])
      .when({
        type: 'SetPayee',
        organisationId: SCHOOL,
        payee: { kind: 'self', siret: COMMUNE_SIRET, iban: 'FR7630006000011234567890188' },
        actor: headTeacher,
      })
      .thenThrows('VALIDATION_FAILED', { field: 'payee.iban', rule: 'iban' });
  });

  it('acts only on a registered body', () => {
    spec
      .given([])
      .when({ type: 'AddMember', organisationId: SCHOOL, personId: 'p', actor: headTeacher })
      .thenThrows('ORGANISATION_NOT_FOUND');
  });
});

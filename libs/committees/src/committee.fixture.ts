import type { Actor, CommandContext } from '#kernel';
import type { InterestLink } from './interest.events.js';
import type { AgendaProject, DeclaredInterests } from './session.commands.js';
import type { SessionEvent } from './session.events.js';
import type { MemberCapacity, QuorumRule } from './session.state.js';

/** Test data of the committees specs: the commission départementale of Meuse (55, académie de Nancy-Metz 12). */
export const SID = 's-meuse-2026-03';
export const PID = 'p-jardin';
/** École de Bar-le-Duc and its commune (SIRET of the town hall; 21550029900023 is another establishment of it). */
export const SCHOOL = '0550001C';
export const COMMUNE_SIRET = '21550029900015';
export const T0 = new Date('2026-03-10T09:00:00.000Z');

const actor = (id: string, role: Actor['role'], scope: Actor['scope'] = {}): Actor => ({ id, role, scope });
export const secretariat = actor('val-dsden-55', 'validator', { academies: ['12'] });
export const meuseOffice = actor('val-meuse', 'validator', { departements: ['55'] });
export const lilleValidator = actor('val-lille', 'validator', { academies: ['09'] });
export const admin = actor('admin-1', 'admin');
export const ien = actor('ien-1', 'validator', { departements: ['55'] });
export const parent = actor('parent-1', 'holder');
export const mayor = actor('mayor-1', 'holder');
export const ctx = (a: Actor, now = T0): CommandContext => ({ actor: a, now });

export const link = (organisationId: string, nature: InterestLink['nature'] = 'member_of_board'): InterestLink => ({
  organisationId,
  nature,
  declaredOn: '2026-03-01',
});
/** The mayor sits on the board of the commune, a partner of the project. */
export const mayorLinks: DeclaredInterests = { 'mayor-1': [link(COMMUNE_SIRET)] };
export const noLinks: DeclaredInterests = { 'ien-1': [], 'parent-1': [], 'mayor-1': [] };

export const project = (over: Partial<AgendaProject> = {}): AgendaProject => ({
  projectId: PID,
  program: 'education',
  status: 'analysed',
  territory: { region: '44', departement: '55', academie: '12' },
  parties: { holder: SCHOOL, coHolders: [], partners: [COMMUNE_SIRET] },
  ...over,
});

export const scheduled = (quorum: QuorumRule = { kind: 'share_of_seated', percent: 50 }): SessionEvent => ({
  type: 'committee.session_scheduled',
  data: { sessionId: SID, kind: 'commission_departementale', program: 'education', territory: '55', date: '2026-03-10', quorum },
});
export const seated = (personId: string, capacity: MemberCapacity = 'personnalite_qualifiee'): SessionEvent => ({
  type: 'committee.member_seated',
  data: { sessionId: SID, personId, capacity },
});
export const itemAdded = (projectId = PID, parties = project().parties): SessionEvent => ({
  type: 'committee.item_added',
  data: { sessionId: SID, projectId, parties },
});
export const mayorAbstains = (projectId = PID): SessionEvent => ({
  type: 'committee.abstention_recorded',
  data: {
    sessionId: SID,
    projectId,
    personId: 'mayor-1',
    link: { organisationId: COMMUNE_SIRET, nature: 'member_of_board' },
    party: 'partner',
    partyOrganisationId: COMMUNE_SIRET,
  },
});
export const voted = (personId: string, vote: 'favourable' | 'unfavourable' | 'abstain', projectId = PID): SessionEvent => ({
  type: 'committee.vote_cast',
  data: { sessionId: SID, projectId, personId, vote },
});
/** Three members seated, the project on the agenda, the mayor's abstention recorded. */
export const threeMembersAndItem: SessionEvent[] = [
  scheduled(),
  seated('ien-1', 'ien'),
  seated('parent-1', 'representant_parents'),
  seated('mayor-1', 'representant_collectivite'),
  itemAdded(),
  mayorAbstains(),
];

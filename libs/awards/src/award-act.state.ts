import type { AwardActAmended, AwardActDrafted, AwardActEvent, AwardActReportReviewed, AwardActSignature } from './award-act.events.js';

export type AwardActStatus = 'draft' | 'awaiting_countersignature' | 'signed' | 'cancelled';

export type AwardAct = AwardActDrafted['data'] & {
  status: AwardActStatus;
  signature: AwardActSignature | null;
  countersignature: { personId: string; organisationId: string; at: string } | null;
  signedAt: string | null;
  cancellation: { reason: string; at: string } | null;
  review: AwardActReportReviewed['data'] | null;
  /** Why a review is awaited before the holder's report (a withdrawal after payments). */
  reviewOpened: { cause: 'withdrawal'; paidCents: number; at: string } | null;
  /** Its amendments (avenants), in order; the act's terms above are those of the last one in effect. */
  amendments: AwardActAmendment[];
};

export type AwardActAmendment = AwardActAmended['data'] & {
  countersignature: { personId: string; organisationId: string; at: string } | null;
  /** Signed by every party: its terms are the act's. */
  inEffect: boolean;
};

/** An amendment's terms become the act's. */
function withTerms(act: AwardAct, a: AwardActAmended['data']): AwardAct {
  return { ...act, amountCents: a.amountCents, exercises: a.exercises, reportDueOn: a.reportDueOn, payee: a.payee, schedule: a.schedule };
}

/** The project's current act (the last drafted), and how many drafts there were (the next act's number). */
export interface AwardActState {
  act: AwardAct | null;
  drafts: number;
}

export const initialAwardActState = (): AwardActState => ({ act: null, drafts: 0 });

/** Every signature the act's form needs is in: an arrêté once the authority signed, a convention once both parties did. */
export const isFullySigned = (act: AwardAct) => act.status === 'signed';

export function evolveAwardAct(state: AwardActState, event: AwardActEvent): AwardActState {
  const act = state.act;
  switch (event.type) {
    case 'award_act.drafted':
      return {
        drafts: state.drafts + 1,
        act: {
          ...event.data,
          status: 'draft',
          signature: null,
          countersignature: null,
          signedAt: null,
          cancellation: null,
          review: null,
          reviewOpened: null,
          amendments: [],
        },
      };
    case 'award_act.signed': {
      if (!act) return state;
      const status = act.form === 'convention' && !act.countersignature ? 'awaiting_countersignature' : 'signed';
      return { ...state, act: { ...act, signature: event.data.signature, status, signedAt: status === 'signed' ? event.data.at : null } };
    }
    case 'award_act.countersigned': {
      if (!act) return state;
      const countersignature = { personId: event.data.personId, organisationId: event.data.organisationId, at: event.data.at };
      const status = act.signature ? 'signed' : act.status;
      return { ...state, act: { ...act, countersignature, status, signedAt: status === 'signed' ? event.data.at : null } };
    }
    case 'award_act.cancelled':
      return act
        ? { ...state, act: { ...act, status: 'cancelled', cancellation: { reason: event.data.reason, at: event.data.at } } }
        : state;
    case 'award_act.review_opened':
      return act
        ? { ...state, act: { ...act, reviewOpened: { cause: event.data.cause, paidCents: event.data.paidCents, at: event.data.at } } }
        : state;
    case 'award_act.report_reviewed':
      return act ? { ...state, act: { ...act, review: event.data } } : state;
    case 'award_act.amended': {
      if (!act) return state;
      const inEffect = !event.data.countersignRequired;
      const amendment = { ...event.data, countersignature: null, inEffect };
      const amended = { ...act, amendments: [...act.amendments, amendment] };
      return { ...state, act: inEffect ? withTerms(amended, event.data) : amended };
    }
    case 'award_act.amendment_countersigned': {
      const a = act?.amendments.find((x) => x.number === event.data.number);
      if (!act || !a) return state;
      const { personId, organisationId, at } = event.data;
      const signed = { ...a, countersignature: { personId, organisationId, at }, inEffect: true };
      const amendments = act.amendments.map((x) => (x.number === a.number ? signed : x));
      return { ...state, act: withTerms({ ...act, amendments }, a) };
    }
    default:
      return state;
  }
}

import { type Capacity, capacityLabel } from '#delegations';
import { euros, frenchDate } from './french.js';
import { type DirectoryNames, type PayeeFacts, motive, organisationLabel, payeeLabel, shown, signedEuros } from './money-names.js';

/** What an act's later events repeat of its draft: its form and number, known from `award_act.drafted`. */
export interface ActFacts {
  form: string | null;
  reference: string | null;
}

type Data = Record<string, unknown>;

const FORMS: Record<string, string> = { arrete: 'Arrêté attributif', convention: 'Convention attributive' };
const OUTCOMES: Record<string, string> = { accepted: 'accepté', partly_accepted: 'partiellement accepté', refused: 'refusé' };
const AMENDMENTS: Record<string, string> = {
  increase: 'augmentation',
  reduction: 'réduction',
  extension: 'prolongation',
  payee_change: 'changement de bénéficiaire',
};

/** "Arrêté attributif n° ARR-2023-12" (the act's id when the draft named no reference). */
export function actName(act: ActFacts, actId: unknown): string {
  const form = act.form ? (FORMS[act.form] ?? 'Acte attributif') : 'Acte attributif';
  return `${form} n° ${act.reference ?? shown(actId)}`;
}

function capacity(value: unknown): string {
  try {
    return capacityLabel(value as Capacity);
  } catch {
    return String(value);
  }
}

/**
 * One line of French for an award act event (stream `award-act-<projectId>`), naming people and organisations. `who` is the
 * label of the person who recorded it (`personLabel`); `envelope` the label of the envelope the draft draws on.
 */
export function awardActSummary(type: string, data: unknown, who: string, act: ActFacts, envelope: string, names: DirectoryNames): string {
  const d = (data ?? {}) as Data;
  const name = actName(act, d['actId']);
  const e = act.form === 'convention' ? 'e' : ''; // "Convention … signée", "Arrêté … signé"
  switch (type) {
    case 'award_act.drafted': {
      const schedule = Array.isArray(d['schedule']) ? d['schedule'].length : 0;
      const payee = d['payee'] && typeof d['payee'] === 'object' ? ` à ${payeeLabel(d['payee'] as PayeeFacts, names)}` : '';
      return (
        `${name} préparé${e} par ${who} : ${euros(d['amountCents'])}${payee} sur ${envelope}, ` +
        `${schedule} échéance${schedule > 1 ? 's' : ''}, compte rendu financier dû le ${frenchDate(d['reportDueOn'])}`
      );
    }
    case 'award_act.signed': {
      const s = (d['signature'] ?? {}) as Data;
      const under = s['delegationId']
        ? `par délégation de signature (${shown(s['actReference'] ?? s['delegationId'])})`
        : 'en son nom propre';
      return `${name} signé${e} par ${who}, en qualité de ${capacity(s['capacity'])}, ${under}`;
    }
    case 'award_act.countersigned':
      return `${name} contresigné${e} pour ${organisationLabel(shown(d['organisationId']), names)} par ${who}`;
    case 'award_act.cancelled':
      return motive(`${name} annulé${e} par ${who}`, d['reason']);
    case 'award_act.report_reviewed': {
      const outcome = OUTCOMES[String(d['outcome'])] ?? String(d['outcome']);
      const balance =
        typeof d['toRecoverCents'] === 'number' && d['toRecoverCents'] > 0
          ? `${euros(d['toRecoverCents'])} à reverser`
          : `solde à payer ${euros(d['balanceCents'])}`;
      return motive(
        `Compte rendu financier ${outcome} par ${who} : dépenses retenues ${euros(d['eligibleSpendingCents'])}, ` +
          `dû ${euros(d['dueCents'])}, déjà payé ${euros(d['paidCents'])}, ${balance}`,
        d['reason'],
      );
    }
    case 'award_act.review_opened':
      return `Examen des dépenses ouvert après l’abandon du projet (déjà payé ${euros(d['paidCents'])})`;
    case 'award_act.amended':
      return motive(`Avenant n° ${shown(d['number'])} à l’${lower(name)} signé par ${who} : ${amendment(d, names)}`, d['reason']);
    default:
      return `Événement ${type} sur l’${lower(name)} par ${who}`;
  }
}

const lower = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function amendment(d: Data, names: DirectoryNames): string {
  const parts = [AMENDMENTS[String(d['kind'])] ?? String(d['kind'])];
  if (typeof d['deltaCents'] === 'number' && d['deltaCents'] !== 0) {
    parts.push(`montant porté à ${euros(d['amountCents'])} (${signedEuros(d['deltaCents'])})`);
  }
  if (typeof d['lastExercise'] === 'number') parts.push(`dernier exercice ${d['lastExercise']}`);
  if (typeof d['reportDueOn'] === 'string') parts.push(`compte rendu financier dû le ${frenchDate(d['reportDueOn'])}`);
  if (d['payee'] && typeof d['payee'] === 'object') parts.push(`bénéficiaire ${payeeLabel(d['payee'] as PayeeFacts, names)}`);
  return parts.join(', ');
}

import type { CarryOverRule, EnvelopeEvent } from '#funding';
import { actorLabel, envelopeName, euros, recoveryTitleLabel } from './french.js';

/** The close with the envelope's carry-over rule, what stays to pay on its commitments and the orders it let through. */
function yearClosedSummary(on: string, d: Extract<EnvelopeEvent, { type: 'envelope.year_closed' }>['data']): string {
  const base =
    `Clôture de l'exercice ${d.year} de ${on} : ` +
    `report ${euros(d.aeCarriedCents)} d'AE et ${euros(d.cpCarriedCents)} de CP, ` +
    `crédits non reportés ${euros(d.aeLapsedCents)} d'AE et ${euros(d.cpLapsedCents)} de CP`;
  if (!d.carryOver) return base; // closed before the year boundary was recorded (v1)
  const rule = `règle de report : AE ${ruleText(d.carryOver.ae)}, CP ${ruleText(d.carryOver.cp)}`;
  const decided = d.cpCarryOverDecidedCents == null ? '' : ', CP reportés sur décision';
  const remaining = d.remainingToPayCents ? ` ; restes à payer ${euros(d.remainingToPayCents)}, payés sur l'exercice suivant` : '';
  const unpaid = d.unpaidOrders ?? [];
  const total = euros(unpaid.reduce((t, o) => t + o.amountCents, 0));
  const orders = unpaid.length
    ? ` ; ${unpaid.length} ordre(s) de payer non payé(s) (${total}), payé(s) sur les CP de l'exercice suivant : ` +
      `${unpaid.map((o) => o.orderRef).join(', ')}, motif ${d.unpaidOrdersReason}`
    : '';
  return `${base} (${rule}${decided})${remaining}${orders}`;
}

const aeCp = (d: { aeCents: number; cpCents: number }) => `${euros(d.aeCents)} d'AE et ${euros(d.cpCents)} de CP`;
const withReason = (text: string, reason: unknown) =>
  typeof reason === 'string' && reason.trim() ? `${text} : motif ${reason.trim()}` : text;

const ruleText = (r: CarryOverRule) =>
  r.mode === 'all' ? 'en totalité' : r.mode === 'percent' ? `dans la limite de ${r.percent} %` : 'aucun report';

/**
 * One line of French for an envelope event of envelope `envelopeId`:
 * 'envelope.committed' of 1250000 on fip-academie-09-2023 → "Engagement de 12 500,00 € sur FIP 2023 – Académie de Lille".
 */
export function envelopeSummary(envelopeId: string, type: string, data: unknown, who: string | null, role: string | null): string {
  const on = envelopeName(envelopeId);
  const e = { type, data } as EnvelopeEvent;
  switch (e.type) {
    case 'envelope.opened':
      return `Ouverture de l'enveloppe ${on}${e.data.label ? ` (« ${e.data.label} »)` : ''} par ${actorLabel(who, role)}`;
    case 'envelope.credits_notified':
      return withReason(
        `${e.data.kind === 'increase' ? 'Abondement' : 'Notification'} de ${aeCp(e.data)} sur ${on} (exercice ${e.data.year})`,
        e.data.reason,
      );
    case 'envelope.credits_reduced':
      return withReason(`Réduction de ${aeCp(e.data)} sur ${on} (exercice ${e.data.year})`, e.data.reason);
    case 'envelope.split_set':
      return withReason(
        e.data.split
          ? `Répartition indicative (${e.data.split.mode === 'hard' ? 'stricte' : 'souple'}) définie sur ${on}`
          : `Répartition indicative retirée sur ${on}`,
        e.data.reason,
      );
    case 'envelope.allocated_to_child':
      return withReason(`Délégation de ${aeCp(e.data)} de ${on} à ${envelopeName(e.data.childId)}`, e.data.reason);
    case 'envelope.allocation_received':
      return `Réception de ${aeCp(e.data)} sur ${on} depuis ${envelopeName(e.data.parentId)}`;
    case 'envelope.transferred':
      return withReason(`Transfert de ${aeCp(e.data)} de ${on} vers ${envelopeName(e.data.toId)}`, e.data.reason);
    case 'envelope.transfer_received':
      return withReason(`Transfert reçu de ${aeCp(e.data)} sur ${on} depuis ${envelopeName(e.data.fromId)}`, e.data.reason);
    case 'envelope.committed':
      return withReason(`Engagement de ${euros(e.data.amountCents)} sur ${on}`, e.data.reason);
    case 'envelope.split_exceeded': {
      const excess = `${euros(e.data.excessCents)} au-delà de ${euros(e.data.shareCents)}`;
      return `Dépassement de la part « ${e.data.splitKey} » sur ${on} : ${excess}`;
    }
    case 'envelope.commitment_released':
      return withReason(`Désengagement de ${euros(e.data.amountCents)} sur ${on} (engagement ${e.data.commitmentRef})`, e.data.reason);
    case 'envelope.service_done': {
      // Certified in the spending chain (by a named person, on an instalment): its evidence is told; v1's read as they did.
      const evidence = e.data.certifiedBy && e.data.reference ? ` sur pièce : ${e.data.reference}` : '';
      const instalment = e.data.instalment ? `échéance n° ${e.data.instalment}, ` : '';
      return `Service fait de ${euros(e.data.amountCents)} sur ${on} (${instalment}engagement ${e.data.commitmentRef})${evidence}`;
    }
    case 'envelope.payment_ordered': {
      const instalment = e.data.instalment ? `échéance n° ${e.data.instalment}, ` : '';
      return `Ordre de payer ${e.data.orderRef} : ${euros(e.data.amountCents)} sur ${on} (${instalment}engagement ${e.data.commitmentRef})`;
    }
    case 'envelope.paid': {
      // Since the spending chain a payment pays an order (of an instalment of the schedule); before, the n-th payment.
      const which = e.data.orderRef
        ? `ordre ${e.data.orderRef}, ${e.data.instalment ? `échéance n° ${e.data.instalment}, ` : ''}`
        : `versement n° ${e.data.instalment}, `;
      return `Paiement de ${euros(e.data.amountCents)} sur ${on} (${which}engagement ${e.data.commitmentRef})`;
    }
    case 'envelope.recovered':
      return withReason(`Reversement de ${euros(e.data.amountCents)} sur ${on} (engagement ${e.data.commitmentRef})`, e.data.reason);
    case 'envelope.year_closed':
      return yearClosedSummary(on, e.data);
    case 'envelope.recovery_ordered':
      return withReason(
        `${recoveryTitleLabel(e.data.titleKind)} n° ${e.data.titleRef} de ${euros(e.data.amountCents)} sur ${on} ` +
          `(engagement ${e.data.commitmentRef})`,
        e.data.reason,
      );
    case 'envelope.recovery_collected': {
      const receipt = e.data.receiptCents > 0 ? `, dont ${euros(e.data.receiptCents)} de recette d'un exercice antérieur` : '';
      return `Recouvrement de ${euros(e.data.amountCents)} du titre n° ${e.data.titleRef} sur ${on}${receipt}`;
    }
    case 'envelope.commitment_adjusted': {
      const change =
        e.data.deltaCents > 0
          ? `+${euros(e.data.deltaCents)} d'AE`
          : e.data.deltaCents < 0
            ? `${euros(-e.data.deltaCents)} d'AE libérées`
            : 'sans mouvement de crédits';
      return withReason(`Avenant n° ${e.data.amendmentNumber} à l'engagement ${e.data.commitmentRef} sur ${on} : ${change}`, e.data.reason);
    }
    default:
      return `Événement ${type} sur ${on} par ${actorLabel(who, role)}`;
  }
}

import { euros, recoveryTitleLabel } from './french.js';
import { type DirectoryNames, type PayeeFacts, motive, payeeLabel, shown, signedEuros } from './money-names.js';

/** What the later events of a commitment repeat of it, known from its `envelope.committed` (and the act's draft). */
export interface CommitmentFacts {
  /** The envelope's label ("FIP 2023 – académie de Nancy-Metz"). */
  envelope: string;
  ejNumber: string | null;
  payee: PayeeFacts | null;
  /** The kind of each recovery title ordered on it (a collection names its title by reference only). */
  titleKinds: ReadonlyMap<string, string>;
}

type Data = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

const ADJUSTMENTS: Record<string, string> = {
  increase: 'augmentation',
  reduction: 'réduction',
  extension: 'prolongation',
  payee_change: 'changement de bénéficiaire',
};

/**
 * One line of French for a money event of a project's commitment, naming people and the payee. `who` is the label of the
 * person who recorded it (`personLabel`). Undefined for a type this does not tell (the envelope's own summary is used).
 */
export function commitmentSummary(type: string, data: unknown, who: string, f: CommitmentFacts, names: DirectoryNames): string | undefined {
  const d = (data ?? {}) as Data;
  const ej = f.ejNumber ? `EJ n° ${f.ejNumber}` : `engagement ${shown(d['commitmentRef'])}`;
  const payee = f.payee ? payeeLabel(f.payee, names) : null;
  const instalment = typeof d['instalment'] === 'number' && d['instalment'] > 0 ? `échéance n° ${d['instalment']}, ` : '';
  const amount = euros(d['amountCents']);
  switch (type) {
    case 'envelope.committed': {
      const to = payee ? ` au profit de ${payee}` : '';
      const ref = f.ejNumber ? ej : `réf. ${shown(d['commitmentRef'])}`;
      return motive(`Engagement de ${amount} (${ref}) sur ${f.envelope}${to}, par ${who}`, d['reason']);
    }
    case 'envelope.service_done': {
      const evidence = text(d['reference']) ? ` sur pièce : ${text(d['reference'])}` : '';
      return `Service fait de ${amount} certifié par ${who} (${instalment}${ej})${evidence}`;
    }
    case 'envelope.payment_ordered':
      return `Ordre de payer ${shown(d['orderRef'])} : ${amount}${payee ? ` à ${payee}` : ''} (${instalment}${ej}), donné par ${who}`;
    case 'envelope.paid': {
      // Since the spending chain a payment pays an order (of an instalment); before, it was the n-th payment.
      const order = text(d['orderRef']) ? `ordre ${text(d['orderRef'])}, ${instalment}` : instalment.replace('échéance', 'versement');
      return `Paiement de ${amount}${payee ? ` à ${payee}` : ''} sur ${f.envelope} (${order}${ej}), par ${who}`;
    }
    case 'envelope.recovered':
      return motive(
        `Reversement de ${amount}${payee ? ` par ${payee}` : ''} sur ${f.envelope} (${ej}), enregistré par ${who}`,
        d['reason'],
      );
    case 'envelope.commitment_released':
      return motive(`Désengagement de ${amount} sur ${f.envelope} (${ej}), par ${who}`, d['reason']);
    case 'envelope.recovery_ordered': {
      const title = `${recoveryTitleLabel(d['titleKind'])} n° ${shown(d['titleRef'])}`;
      return motive(`${title} émis par ${who} : ${amount} à reverser${payee ? ` par ${payee}` : ''} (${ej})`, d['reason']);
    }
    case 'envelope.recovery_collected': {
      const ref = shown(d['titleRef']);
      const title = `${recoveryTitleLabel(f.titleKinds.get(ref))} n° ${ref}`;
      const parts = [
        typeof d['restoredCents'] === 'number' && d['restoredCents'] > 0 ? `${euros(d['restoredCents'])} de CP rétablis` : null,
        typeof d['receiptCents'] === 'number' && d['receiptCents'] > 0
          ? `${euros(d['receiptCents'])} en recette d’un exercice antérieur`
          : null,
      ].filter((p) => p !== null);
      const split = parts.length ? ` (${parts.join(', ')})` : '';
      return `${title} recouvré : ${amount} encaissés${split}, par ${who} (${ej})`;
    }
    case 'envelope.commitment_adjusted':
      return motive(`Avenant n° ${shown(d['amendmentNumber'])} à l’${ej} : ${adjustment(d, names)}, par ${who}`, d['reason']);
    default:
      return undefined;
  }
}

function adjustment(d: Data, names: DirectoryNames): string {
  const kind = ADJUSTMENTS[String(d['kind'])] ?? String(d['kind']);
  const delta = typeof d['deltaCents'] === 'number' && d['deltaCents'] !== 0 ? ` de ${signedEuros(d['deltaCents'])} d’AE` : '';
  const payee = d['payee'] && typeof d['payee'] === 'object' ? ` : ${payeeLabel(d['payee'] as PayeeFacts, names)}` : '';
  return `${kind}${delta}${payee}`;
}

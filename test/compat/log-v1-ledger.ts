import { expect } from '@jest/globals';
import type { RecordedRead } from '../support/log-v1/capture.js';
import { parseCsv } from '../audit/support/parse-csv.js';

/**
 * The funding ledger changed on purpose since v1 (issue 15 §7), mapped explicitly here, apart from the code. v1 wrote one
 * row per money event with ',' and amounts as the operation concerned them (service fait in the AE column, releases
 * positive); now one row per money movement, for French spreadsheets (';', decimal comma, Paris dates), AE and CP signed
 * from the envelope's available credit (so that a SUM means something), French columns:
 * - notification, abondement, délégation reçue, transfert reçu: + ; réduction, délégation, transfert: − (AE and CP);
 * - engagement −AE, désengagement +AE, paiement −CP, reversement +CP, the other column 0; service fait moves no money: no row;
 * - a year close: « report sortant » (−) and « report entrant » (+ on the next year) when credits are carried, « crédits
 *   non reportés » (−) for what lapses (v1 wrote one row of the carried credits, the lapsed ones in its reason);
 * - delegations and transfers name the other envelope after their reason: "Part académique (vers fip-academie-12-2023)";
 * - new columns: fund, exercise, project title (the read model's), payee, SIRET, award act, EJ number (empty: v1's
 *   commitments have none), the role in French.
 * Facts the v1 CSV did not carry (the exercise, the other envelope, the lapsed amounts) come from the v1 log's event.
 */
type V1Event = { id: string; type: string; data: Record<string, any> };

const ROLE = { admin: 'administrateur', finance: 'gestionnaire', system: 'système', auditor: 'auditeur' } as Record<string, string>;
const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' });
/** "12000.00" → "-12000,00" (sign −1), "0,00" (sign 0) or "12000,00". */
const signed = (v1Amount: string, sign: -1 | 0 | 1) =>
  sign === 0 || v1Amount === '' || /^0\.00$/.test(v1Amount) ? '0,00' : `${sign < 0 ? '-' : ''}${v1Amount.replace('.', ',')}`;
/** What lapses, as the ledger books it: 95300000 → "-953000,00". */
const lapsedEuros = (cents: number) => `${cents === 0 ? '' : '-'}${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

export function currentLedgerOfV1(v1: RecordedRead, v1Log: V1Event[], titles: Map<string, string>): string[][] {
  const events = new Map(v1Log.map((e) => [e.id, e]));
  const [header, ...v1Rows] = parseCsv(v1.body as string, ',').filter((r) => r.length > 1);
  const col = (row: string[], name: string) => row[header!.indexOf(name)]!;
  const rows = v1Rows.flatMap((r) => {
    const e = events.get(col(r, 'event_id'))!;
    const envelope = col(r, 'envelope');
    const project = col(r, 'project');
    const base = (operation: string, ae: string, cp: string, reason: string, year = e.data['year'] as number) => [
      paris.format(new Date(col(r, 'date'))),
      envelope.slice(0, 3).toUpperCase(),
      String(year),
      envelope,
      project,
      titles.get(project) ?? '',
      ...['', '', '', ''],
      col(r, 'commitment'),
      operation,
      ae,
      cp,
      col(r, 'actor'),
      ROLE[col(r, 'role')] ?? col(r, 'role'),
      reason,
      col(r, 'position'),
      col(r, 'event_id'),
    ];
    const both = (sign: -1 | 1, reason = col(r, 'reason')) =>
      base(col(r, 'operation'), signed(col(r, 'AE'), sign), signed(col(r, 'CP'), sign), reason);
    const reason = e.data['reason'] as string | null;
    switch (col(r, 'operation')) {
      case 'notification':
      case 'abondement':
      case 'délégation reçue':
        return [both(1)];
      case 'réduction':
        return [both(-1)];
      case 'délégation':
        return [both(-1, reason ? `${reason} (vers ${e.data['childId']})` : `vers ${e.data['childId']}`)];
      case 'transfert':
        return [both(-1, `${reason} (vers ${e.data['toId']})`)];
      case 'transfert reçu':
        return [both(1, `${reason} (de ${e.data['fromId']})`)];
      case 'engagement':
        return [base('engagement', signed(col(r, 'AE'), -1), '0,00', col(r, 'reason'))];
      case 'désengagement':
        return [base('désengagement', signed(col(r, 'AE'), 1), '0,00', col(r, 'reason'))];
      case 'paiement':
        return [base('paiement', '0,00', signed(col(r, 'CP'), -1), col(r, 'reason'))];
      case 'reversement':
        return [base('reversement', '0,00', signed(col(r, 'CP'), 1), col(r, 'reason'))];
      case 'service fait':
        return [];
      default: {
        // The only close of the v1 log: its last year, nothing carried, everything lapsed.
        const d = e.data;
        expect([e.type, d['nextYear'], d['aeCarriedCents'], d['cpCarriedCents']]).toEqual(['envelope.year_closed', null, 0, 0]);
        const [ae, cp] = [lapsedEuros(d['aeLapsedCents']), lapsedEuros(d['cpLapsedCents'])];
        return [base('crédits non reportés', ae, cp, `clôture de l’exercice ${d['year']}`)];
      }
    }
  });
  return [CURRENT_HEADER, ...rows];
}

const CURRENT_HEADER = [
  ...['Date', 'Fonds', 'Exercice', 'Enveloppe', 'Projet', 'Intitulé du projet', 'Bénéficiaire', 'SIRET du bénéficiaire'],
  ...['Acte attributif', 'EJ', 'Engagement (réf.)', 'Opération', 'AE (€)', 'CP (€)', 'Acteur', 'Rôle', 'Motif', 'Position'],
  'Identifiant de l’événement',
];

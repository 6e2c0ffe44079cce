import { type Cents, RECOVERY_TITLE_LABELS, type RecoveryTitleKind, formatEuros, parseEnvelopeId } from '#funding';
import { territoryLabel } from '#territories';

const ROLE_LABELS: Record<string, string> = {
  holder: 'porteur',
  validator: 'instructeur',
  decider: 'décideur',
  finance: 'gestionnaire',
  accountant: 'comptable',
  auditor: 'auditeur',
  admin: 'administrateur',
  system: 'système',
};

/** 'finance' → "gestionnaire"; a role this version does not name stays as it is. */
export function roleLabel(role: string | null): string | null {
  return role ? (ROLE_LABELS[role] ?? role) : null;
}

/** "validator-1 (instructeur)"; "inconnu" when the event names nobody. */
export function actorLabel(who: string | null, role: string | null): string {
  if (!who) return 'inconnu';
  const label = roleLabel(role);
  return label ? `${who} (${label})` : who;
}

/** Amounts always through `formatEuros` ("12 500,00 €"); a missing or malformed amount shows as "?". */
export function euros(cents: unknown): string {
  return typeof cents === 'number' && Number.isSafeInteger(cents) && cents >= 0 ? formatEuros(cents as Cents) : '? €';
}

/** "2023-10-01T…Z" → "01/10/2023" (UTC date of the ISO string). */
export function frenchDate(iso: unknown): string {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a malformed value shows as it is (an object as [object Object])
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso ?? '?');
}

/** The territory part of an envelope id: 'academie-09' → "Académie de Lille", 'ars-32' → "ARS Hauts-de-France". */
export function envelopeTerritoryLabel(territoryCode: string): string {
  if (territoryCode === 'national') return 'national';
  const dash = territoryCode.indexOf('-');
  const kind = dash < 0 ? territoryCode : territoryCode.slice(0, dash);
  const code = dash < 0 ? '' : territoryCode.slice(dash + 1);
  const label =
    kind === 'academie'
      ? territoryLabel('academie', code)
      : kind === 'ars'
        ? territoryLabel('ars', code)
        : kind === 'region'
          ? territoryLabel('region', code)
          : kind === 'departement'
            ? territoryLabel('departement', code)
            : kind === 'cts'
              ? (territoryLabel('cts', territoryCode) ?? territoryLabel('cts', code))
              : undefined;
  return label ?? territoryCode;
}

/** 'fip-academie-09-2023' → "FIP 2023 – Académie de Lille"; an id that is not an envelope id is shown as is. */
export function envelopeName(envelopeId: string): string {
  const parsed = parseEnvelopeId(envelopeId);
  if (!parsed) return envelopeId;
  const { fromYear, toYear } = parsed.period;
  const period = fromYear === toYear ? String(fromYear) : `${fromYear}-${toYear}`;
  return `${parsed.fund.toUpperCase()} ${period} – ${envelopeTerritoryLabel(parsed.territoryCode)}`;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'titre',
  description: 'description',
  partners: 'partenaires',
  requestedAmountCents: 'montant demandé',
  budgetLines: 'budget',
  attachments: 'pièces jointes',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** « Titre de perception », « Titre de recettes »: a recovery order's kind at the start of a line ('Titre' if unknown). */
export function recoveryTitleLabel(kind: unknown): string {
  const label = RECOVERY_TITLE_LABELS[kind as RecoveryTitleKind];
  return label ? label[0]!.toUpperCase() + label.slice(1) : 'Titre';
}

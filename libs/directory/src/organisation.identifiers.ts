import { isValidIBAN } from 'ibantools';
import {
  communeLiesIn,
  finessDepartement,
  isValidFiness,
  isValidSiret,
  isValidUai,
  normalizeIdentifier,
  uaiDepartement,
} from '#territories';
import { invalid } from '#kernel';
import type { IdentifierScheme, OfficialIdentifier, OrganisationKind } from './organisation.events.js';

/** The identifiers each kind of body has: a school its UAI, a health body its FINESS, a legal person its SIRET. */
export const SCHEMES_OF_KIND: Readonly<Record<OrganisationKind, readonly IdentifierScheme[]>> = {
  ecole: ['uai'],
  college: ['uai'],
  lycee: ['uai'],
  lycee_professionnel: ['uai'],
  eple: ['uai', 'siret'],
  association: ['siret'],
  collectivite: ['siret'],
  msp: ['finess', 'siret'],
  cpts: ['finess', 'siret'],
  etablissement_sante: ['finess'],
  other: ['siret', 'uai', 'finess'],
};

const CHECKS: Readonly<Record<IdentifierScheme, { valid: (v: string) => boolean; rule: string; detail: string }>> = {
  uai: { valid: isValidUai, rule: 'uai', detail: 'un UAI : 7 chiffres et la lettre de contrôle (ex. 0550008K)' },
  siret: { valid: isValidSiret, rule: 'siret', detail: 'un SIRET : 14 chiffres dont la clé de Luhn' },
  finess: { valid: isValidFiness, rule: 'finess', detail: 'un numéro FINESS : 9 caractères dont la clé' },
};

/** The identifier as stored (no spaces, upper case), checked against its scheme and the kind of body. */
export function checkedIdentifier(kind: OrganisationKind, identifier: OfficialIdentifier): OfficialIdentifier {
  if (!SCHEMES_OF_KIND[kind].includes(identifier.scheme)) {
    throw invalid('VALIDATION_FAILED', 'identifier.scheme', `one-of:${SCHEMES_OF_KIND[kind].join('|')}`, {
      detail: `Un organisme de type « ${kind} » est identifié par : ${SCHEMES_OF_KIND[kind].join(' ou ')}.`,
    });
  }
  const value = normalizeIdentifier(identifier.value);
  const check = CHECKS[identifier.scheme];
  if (!check.valid(value)) {
    throw invalid('VALIDATION_FAILED', 'identifier.value', check.rule, {
      detail: `L’identifiant « ${identifier.value} » n’est pas ${check.detail}.`,
    });
  }
  return { scheme: identifier.scheme, value, ...(identifier.fictitious ? { fictitious: true as const } : {}) };
}

/** The commune (when known) must be in force and in the département given; a UAI or FINESS names its département too. */
export function checkedLocation(identifier: OfficialIdentifier, communeCode: string | undefined, departementCode: string): void {
  if (communeCode !== undefined && !communeLiesIn(communeCode, departementCode)) {
    throw invalid('VALIDATION_FAILED', 'communeCode', 'commune-in-departement', {
      detail: `La commune ${communeCode} n’existe pas ou n’est pas dans le département ${departementCode}.`,
    });
  }
  const named =
    identifier.scheme === 'uai'
      ? uaiDepartement(identifier.value)
      : identifier.scheme === 'finess'
        ? finessDepartement(identifier.value)
        : undefined;
  if (named !== undefined && named !== departementCode) {
    throw invalid('VALIDATION_FAILED', 'departementCode', 'identifier-departement', {
      detail: `L’identifiant ${identifier.value} est celui d’un organisme du département ${named}, pas du ${departementCode}.`,
    });
  }
}

/** An IBAN with its check digits right, stored without spaces. */
export function checkedIban(raw: string): string {
  const iban = normalizeIdentifier(raw);
  if (!isValidIBAN(iban))
    throw invalid('VALIDATION_FAILED', 'payee.iban', 'iban', { detail: 'Cet IBAN n’est pas valide (clé de contrôle).' });
  return iban;
}

/**
 * Validators for official identifiers. They check the canonical form only (no spaces, upper-case);
 * clean user input first with `normalizeIdentifier`.
 */

/** Removes spaces, dots and dashes and upper-cases: ' 0750654d ' → '0750654D', '010 000 016' → '010000016'. */
export function normalizeIdentifier(raw: string): string {
  return String(raw ?? '')
    .replace(/[\s.-]/g, '')
    .toUpperCase();
}

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const METROPOLITAN = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5])$/; // '01'…'95' without '20'
const OVERSEAS_DEPARTEMENT = /^97[1-46]$/; // 971 Guadeloupe … 974 La Réunion, 976 Mayotte

const UAI_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // 23 letters: no I, O, Q

/**
 * The département code of a UAI's first three digits: '059' → '59', '620' → '2A', '720' → '2B',
 * '971' → '971'. Corsican UAIs are numbered 620xxxx (Corse-du-Sud) and 720xxxx (Haute-Corse).
 */
export function uaiDepartement(uai: string): string | undefined {
  const prefix = uai.slice(0, 3);
  if (prefix === '620') return '2A';
  if (prefix === '720') return '2B';
  if (prefix.startsWith('0') && METROPOLITAN.test(prefix.slice(1))) return prefix.slice(1);
  if (OVERSEAS_DEPARTEMENT.test(prefix)) return prefix;
  return undefined;
}

/** Overseas collectivités whose schools also have UAIs: 975 Saint-Pierre-et-Miquelon, 977/978, 984-988 Pacific. */
const UAI_OVERSEAS_COLLECTIVITY = /^(975|977|978|98[4-8])$/;

/**
 * UAI (Unité administrative immatriculée, ex-RNE): 7 digits then a check letter,
 * 'ABCDEFGHJKLMNPRSTUVWXYZ'[n % 23] where n is the 7-digit number read as an integer (Corsican
 * 620/720 numbers included). The first three digits must be a département (0dd, 620, 720, 97x) or an
 * overseas collectivity. Example: 0750654D (lycée Henri-IV, Paris): 750654 % 23 = 3 → 'D'.
 */
export function isValidUai(code: string): boolean {
  const match = /^(\d{7})([A-Z])$/.exec(code);
  if (!match) return false;
  const digits = match[1]!;
  if (uaiDepartement(digits) === undefined && !UAI_OVERSEAS_COLLECTIVITY.test(digits.slice(0, 3))) return false;
  return UAI_LETTERS[Number(digits) % 23] === match[2];
}

/** Overseas FINESS prefixes: '970' + the département's last digit (970211207 CHU de Martinique,
 * 970302022 CH de Cayenne); Mayotte uses '9805' (980500003 CH de Mayotte, from its former code 985).
 * '9706' is accepted for Mayotte by assumption (not seen in a real number). */
const FINESS_OVERSEAS: Readonly<Record<string, string>> = {
  '9701': '971',
  '9702': '972',
  '9703': '973',
  '9704': '974',
  '9805': '976',
  '9706': '976',
};

/** The département code of a FINESS number: '010000016' → '01', '2A…' → '2A', '970211207' → '972'. */
export function finessDepartement(finess: string): string | undefined {
  const two = finess.slice(0, 2);
  if (two === '2A' || two === '2B' || METROPOLITAN.test(two)) return two;
  return FINESS_OVERSEAS[finess.slice(0, 4)];
}

/**
 * FINESS number (entité juridique or établissement géographique): 9 characters, a département prefix
 * ('01'…'95', '2A', '2B', or an overseas prefix, see FINESS_OVERSEAS), then digits, the 9th being
 * a Luhn check digit over the 9 (checked on real numbers: 010000016, 750712184, 970211207…).
 * Corsica: the letter is counted as its rank in the alphabet (2A → 21, 2B → 22) for the Luhn check.
 * That is an assumption (no official specification or real Corsican number was at hand to verify it).
 */
export function isValidFiness(code: string): boolean {
  if (!/^(\d{2}|2[AB])\d{7}$/.test(code)) return false;
  if (finessDepartement(code) === undefined) return false;
  return luhnValid(code.replace(/^2A/, '21').replace(/^2B/, '22'));
}

/**
 * INSEE commune code (COG): 5 characters, the département then the commune number:
 * 'dd' + 3 digits (dd = '01'…'95' without '20', or '2A'/'2B'), or overseas '97x' + 2 digits
 * (971-974 and 976 départements; 975 Saint-Pierre-et-Miquelon, 977 Saint-Barthélemy, 978 Saint-Martin).
 * The commune number is not zero. Municipal arrondissements (75101…, 69381…, 13201…) have the same form
 * and pass. This checks the form, not that the commune exists (communes merge every year).
 */
export function isValidCommuneCode(code: string): boolean {
  const overseas = /^97[1-8](\d{2})$/.exec(code);
  if (overseas) return overseas[1] !== '00';
  const match = /^(\d{2}|2[AB])(\d{3})$/.exec(code);
  if (!match) return false;
  const departement = match[1]!;
  return (METROPOLITAN.test(departement) || departement === '2A' || departement === '2B') && match[2] !== '000';
}

/** The département of a commune code: '55029' → '55', '2A004' → '2A', '97411' → '974'; undefined otherwise. */
export function communeDepartement(code: string): string | undefined {
  if (!isValidCommuneCode(code)) return undefined;
  const overseas = code.slice(0, 3);
  if (code.startsWith('97')) return OVERSEAS_DEPARTEMENT.test(overseas) ? overseas : undefined;
  return code.slice(0, 2);
}

/** SIREN (legal unit): 9 digits with a Luhn check. */
export function isValidSiren(code: string): boolean {
  return /^\d{9}$/.test(code) && luhnValid(code);
}

const LA_POSTE_SIREN = '356000000';

/**
 * SIRET (establishment): SIREN + 5-digit NIC, Luhn check over the 14 digits. La Poste's establishments
 * (SIREN 356000000) are the documented exception: their SIRET is valid when its digit sum is a multiple of 5.
 */
export function isValidSiret(code: string): boolean {
  if (!/^\d{14}$/.test(code)) return false;
  if (luhnValid(code)) return isValidSiren(code.slice(0, 9));
  if (!code.startsWith(LA_POSTE_SIREN)) return false;
  const sum = [...code].reduce((total, digit) => total + Number(digit), 0);
  return sum % 5 === 0;
}

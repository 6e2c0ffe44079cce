import { euros } from './french.js';

/**
 * Names resolved at read time from the directory: the log names people and organisations by directory id only. A name the
 * directory does not have (erased at the person's request, never recorded) is undefined, and the id is shown instead.
 */
export interface DirectoryNames {
  person(personId: string): string | undefined;
  organisation(organisationId: string): string | undefined;
}

export const NO_NAMES: DirectoryNames = { person: () => undefined, organisation: () => undefined };

/** Names looked up beforehand (the application reads the directory; the summaries stay pure). */
export function namesFrom(people: ReadonlyMap<string, string>, organisations: ReadonlyMap<string, string>): DirectoryNames {
  return { person: (id) => people.get(id), organisation: (id) => organisations.get(id) };
}

/** A role as the money history writes it after a person's name ("Camille Martin, gestionnaire financier"). */
const PERSON_ROLE_LABELS: Record<string, string> = {
  holder: 'porteur de projet',
  validator: 'instructeur',
  decider: 'décideur',
  finance: 'gestionnaire financier',
  accountant: 'comptable public',
  auditor: 'auditeur',
  admin: 'administrateur',
};

/** "Camille Martin, gestionnaire financier"; "Refonda" for the system (its processes); the id when the name is unknown. */
export function personLabel(personId: string | null, role: string | null, names: DirectoryNames): string {
  if (role === 'system') return 'Refonda';
  if (!personId) return 'inconnu';
  const name = names.person(personId) ?? personId;
  const label = role ? (PERSON_ROLE_LABELS[role] ?? role) : null;
  return label ? `${name}, ${label}` : name;
}

/** Who receives the money, as an event names it (the organisation's name at the time, its SIRET when known). */
export interface PayeeFacts {
  organisationId: string;
  name?: string | null;
  siret?: string | null;
}

/** "Commune de Bar-le-Duc (SIRET 21550029900015)"; the directory's name, else the id, when the event names none. */
export function payeeLabel(payee: PayeeFacts, names: DirectoryNames): string {
  const name = payee.name?.trim() || names.organisation(payee.organisationId) || payee.organisationId;
  return payee.siret ? `${name} (SIRET ${payee.siret})` : name;
}

/** An organisation the event names by id only. */
export const organisationLabel = (organisationId: string, names: DirectoryNames): string =>
  names.organisation(organisationId) ?? organisationId;

/** "+1 000,00 €" / "−500,00 €" for a signed delta in cents. */
export function signedEuros(cents: unknown): string {
  if (typeof cents !== 'number' || !Number.isSafeInteger(cents)) return '? €';
  return `${cents < 0 ? '−' : '+'}${euros(Math.abs(cents))}`;
}

export const motive = (text: string, reason: unknown): string =>
  typeof reason === 'string' && reason.trim() ? `${text} : motif ${reason.trim()}` : text;

/** A reference or number as the event carries it; "?" for anything else (never "[object Object]"). */
export const shown = (v: unknown): string => ((typeof v === 'string' && v.length > 0) || typeof v === 'number' ? String(v) : '?');

/** Who signs in their own right: the recteur for an académie, the DG of an ARS for its région. */
export const AUTHORITY_CAPACITIES = ['recteur', 'dg_ars'] as const;
export type AuthorityCapacity = (typeof AUTHORITY_CAPACITIES)[number];

/** Who signs only under a delegation of signature, and for which authority. */
export const DELEGATE_CAPACITIES = ['ia_dasen', 'secretaire_general_academie', 'delegue_territorial', 'directeur_ars'] as const;
export type DelegateCapacity = (typeof DELEGATE_CAPACITIES)[number];

export const CAPACITIES = [...AUTHORITY_CAPACITIES, ...DELEGATE_CAPACITIES] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** The administration a capacity belongs to: education (rectorat, DSDEN) or health (ARS). */
export type ActProgram = 'education' | 'health';
export type TerritoryKind = 'academie' | 'region' | 'departement';

interface AuthorityRule {
  label: string;
  program: ActProgram;
  /** The kind of territory the authority holds: an académie for a recteur, a région for an ARS. */
  territory: 'academie' | 'region';
}
interface DelegateRule {
  label: string;
  program: ActProgram;
  /** The authority that delegates to this capacity. */
  of: AuthorityCapacity;
  /** The kinds of territory a delegation to this capacity may cover (an IA-DASEN's is a département). */
  covers: readonly TerritoryKind[];
}

export const AUTHORITY_RULES: Readonly<Record<AuthorityCapacity, AuthorityRule>> = {
  recteur: { label: 'recteur d’académie', program: 'education', territory: 'academie' },
  dg_ars: { label: 'directeur général de l’agence régionale de santé', program: 'health', territory: 'region' },
};

export const DELEGATE_RULES: Readonly<Record<DelegateCapacity, DelegateRule>> = {
  ia_dasen: {
    label: 'IA-DASEN (directeur académique des services de l’Éducation nationale)',
    program: 'education',
    of: 'recteur',
    covers: ['departement'],
  },
  secretaire_general_academie: {
    label: 'secrétaire général d’académie',
    program: 'education',
    of: 'recteur',
    covers: ['academie', 'departement'],
  },
  delegue_territorial: { label: 'délégué territorial de l’ARS', program: 'health', of: 'dg_ars', covers: ['departement'] },
  directeur_ars: { label: 'directeur d’une direction de l’ARS', program: 'health', of: 'dg_ars', covers: ['region', 'departement'] },
};

export function isAuthorityCapacity(value: unknown): value is AuthorityCapacity {
  return typeof value === 'string' && (AUTHORITY_CAPACITIES as readonly string[]).includes(value);
}

export function isDelegateCapacity(value: unknown): value is DelegateCapacity {
  return typeof value === 'string' && (DELEGATE_CAPACITIES as readonly string[]).includes(value);
}

/** The French label of a capacity (« recteur d’académie », « délégué territorial de l’ARS »). */
export function capacityLabel(capacity: Capacity): string {
  return isAuthorityCapacity(capacity) ? AUTHORITY_RULES[capacity].label : DELEGATE_RULES[capacity].label;
}

export function programOfCapacity(capacity: Capacity): ActProgram {
  return isAuthorityCapacity(capacity) ? AUTHORITY_RULES[capacity].program : DELEGATE_RULES[capacity].program;
}

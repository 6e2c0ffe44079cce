import type { TokenClaims } from '#auth';

const CODE = /^[0-9A-Za-z-]{1,16}$/;

export interface ScopeOptions {
  academie?: string[];
  region?: string[];
  departement?: string[];
  cts?: string[];
}

/** The scope given by --academie/--region/--departement/--cts, or the first code that is not one. */
export function scopeOf(values: ScopeOptions): { scope: TokenClaims['scope'] } | { bad: string } {
  const scope: TokenClaims['scope'] = {};
  for (const [key, list] of [
    ['academies', values.academie],
    ['regions', values.region],
    ['departements', values.departement],
    ['cts', values.cts],
  ] as const) {
    if (!list) continue;
    const bad = list.find((c) => !CODE.test(c));
    if (bad) return { bad };
    scope[key] = list;
  }
  return { scope };
}

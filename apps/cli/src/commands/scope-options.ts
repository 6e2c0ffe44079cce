import { Option } from 'nest-commander';
import type { TokenClaims } from '#auth';
import { CliCommand, collect } from '../cli-command.js';

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

/** A command taking a territory scope (`token`, `grant`): the four repeatable options, declared once. */
export abstract class ScopedCommand<Options extends ScopeOptions> extends CliCommand<Options> {
  @Option({ flags: '--academie <code>', description: 'an académie of the scope (repeatable)' })
  academie(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--region <code>', description: 'a region of the scope (repeatable)' })
  region(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--departement <code>', description: 'a département of the scope (repeatable)' })
  departement(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--cts <code>', description: 'a CTS of the scope (repeatable)' })
  cts(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }
}

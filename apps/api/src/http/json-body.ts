import { DomainError, invalid } from '#kernel';

/** Deeper bodies are refused before parsing: a reviver (and class-transformer) recurse, and would overflow the stack. */
export const MAX_BODY_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, counted iteratively (no recursion, no allocation). */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest && (deepest = depth) > stopAbove) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** A JSON number literal written with a fraction or an exponent ("1250.00", "1e3"): JSON.parse would make 1250.00 an integer. */
class FractionalLiteral {
  constructor(readonly source: string) {}
}

function fractionalPath(value: unknown, path: string[] = []): string | undefined {
  if (value instanceof FractionalLiteral) return path.join('.') || '(racine)';
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = fractionalPath(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Parses a request body: refuses a body nested deeper than MAX_BODY_DEPTH, and any number written with a fraction or
 * an exponent (money is integer cents in `…Cents` fields, or a decimal string "12500.00" elsewhere), naming its field.
 */
export function parseJsonBody(text: string): unknown {
  if (jsonDepth(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw invalid('BODY_TOO_DEEP', 'body', `max-depth-${MAX_BODY_DEPTH}`, {
      detail: `Le corps de la requête est imbriqué sur plus de ${MAX_BODY_DEPTH} niveaux.`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
      typeof value === 'number' && context?.source !== undefined && /[.eE]/.test(context.source)
        ? new FractionalLiteral(context.source)
        : value,
    );
  } catch (error) {
    throw new DomainError('invalid', 'INVALID_JSON', `Le corps de la requête n’est pas du JSON valide : ${(error as Error).message}`, {
      field: 'body',
      rule: 'json',
    });
  }
  const field = fractionalPath(parsed);
  if (field !== undefined) {
    throw invalid('INVALID_AMOUNT', field, 'integer-cents', {
      detail:
        `« ${field} » : aucun champ n’accepte de nombre à virgule ou à exposant (un montant s’y perdrait) ; ` +
        'envoyez un entier, des centimes entiers dans un champ …Cents, ou des euros en chaîne décimale (« 12500.00 »).',
    });
  }
  return parsed;
}

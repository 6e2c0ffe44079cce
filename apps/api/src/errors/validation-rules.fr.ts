/**
 * What each class-validator constraint asks, in French (its own messages are English). The amount rules (isEuroAmount,
 * isCents, isEuroAmountMap: http/amount.validators.ts) are not listed: their own message says precisely what is wrong.
 */
const RULES: Record<string, string> = {
  whitelistValidation: 'champ inconnu',
  isDefined: 'obligatoire',
  isNotEmpty: 'ne doit pas être vide',
  isString: 'doit être une chaîne de caractères',
  isBoolean: 'doit être un booléen',
  isInt: 'doit être un nombre entier',
  isPositive: 'doit être strictement positif',
  isObject: 'doit être un objet',
  isArray: 'doit être une liste',
  isUuid: 'doit être un identifiant UUID',
  isIso8601: 'doit être une date ISO 8601',
  isIn: 'n’est pas l’une des valeurs autorisées',
  matches: 'n’a pas le format attendu',
  min: 'est inférieur au minimum autorisé',
  max: 'dépasse le maximum autorisé',
  maxLength: 'est trop long',
  minLength: 'est trop court',
  isLength: 'n’a pas la longueur autorisée',
  arrayMaxSize: 'compte trop d’éléments',
  arrayMinSize: 'ne compte pas assez d’éléments',
  nestedValidation: 'doit être un objet valide',
};

/** The French explanation of a broken constraint; class-validator's message for a constraint not listed yet. */
export function frenchRule(rule: string, fallback: string): string {
  return RULES[rule] ?? fallback;
}

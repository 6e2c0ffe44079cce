/**
 * Labels reworded on purpose since v1 (domain.md's lifecycle and vocabulary): a submitted dossier is « déposé, à analyser »,
 * the analysis « en cours d'instruction », the holder « transmet » the bilan, credits a year does not carry over are
 * « non reportés ». Whole labels, then phrases inside texts (history summaries, Mermaid diagrams, the ledger CSV).
 */
const RELABELLED: Record<string, string> = { Déposé: 'Déposé, à analyser', 'À analyser': 'En cours d’instruction' };
const REWORDED: [string, string][] = [
  ['state "Déposé" as', 'state "Déposé, à analyser" as'],
  ['state "À analyser" as', 'state "En cours d’instruction" as'],
  ['Prendre le dossier en analyse', 'Commencer l’instruction du dossier'],
  ['Déposer le bilan final', 'Transmettre le bilan'],
  ['Le bilan final a été déposé', 'Le bilan a été transmis'],
  ['Mis en analyse par', 'Instruction commencée par'],
  ['Bilan déposé par', 'Bilan transmis par'],
  ['de CP, annulation ', 'de CP, crédits non reportés '],
  ['"annulé : AE', '"crédits non reportés : AE'],
];
export function withCurrentWording(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (key === 'label' && RELABELLED[value]) return RELABELLED[value];
    return REWORDED.reduce((text, [before, after]) => text.split(before).join(after), value);
  }
  if (Array.isArray(value)) return value.map((item) => withCurrentWording(item, key));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, child]) => [k, withCurrentWording(child, k)]));
}

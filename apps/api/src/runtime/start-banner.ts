import type { AppConfig } from '../config/app.config.js';

/** What a person starting the API reads: where to go, and whether this is a demonstration. */
export function startBanner(config: AppConfig, base: string): string {
  const lines = [
    '',
    `  Tableau de bord : ${base}/`,
    `  API et sa documentation : ${base}/api/docs`,
    `  Santé : ${base}/health   Métriques (jeton) : ${base}/metrics`,
  ];
  if (config.security.mode === 'demo') {
    lines.push(
      '',
      '  *** MODE DÉMONSTRATION ***',
      `  Secret des jetons généré dans ${config.dataDir}; ${config.demoData ? 'données de démonstration chargées; ' : ''}` +
        `écoute sur ${config.host} seulement.`,
      '  Ne pas utiliser pour de vraies données : voir le README, section « Operations ».',
    );
  }
  return lines.join('\n') + '\n\n';
}

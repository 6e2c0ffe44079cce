import { isIPv6 } from 'node:net';
import type { AppConfig } from '../config/app.config.js';

/** Where a person on this machine reaches the API: a wildcard address is localhost, an IPv6 one goes in brackets. */
export function baseUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : isIPv6(host) ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

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
      `  ${config.security.jwt.secret ? 'Secret des jetons fourni' : `Secret des jetons généré dans ${config.dataDir}`}; ` +
        `${config.demoData ? 'données de démonstration chargées; ' : ''}écoute sur ${config.host}.`,
      '  Ne pas utiliser pour de vraies données : voir le README, section « Operations ».',
    );
  }
  return lines.join('\n') + '\n\n';
}

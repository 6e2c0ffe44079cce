import type { INestApplication } from '@nestjs/common';
import { JwtService, type TokenClaims } from '#auth';

/** Demo mode only (no JWT_SECRET): one sample token per role, printed at start. */
export const DEMO_PRINCIPALS: TokenClaims[] = [
  { sub: 'holder-0590001', role: 'holder', scope: { academies: ['09'], departements: ['59'] }, name: 'Porteur (école, Nord)' },
  { sub: 'validator-lille', role: 'validator', scope: { academies: ['09'] }, name: 'Instructeur, académie de Lille' },
  { sub: 'validator-ars-ge', role: 'validator', scope: { regions: ['44'] }, name: 'Instructeur, ARS Grand Est' },
  { sub: 'finance-lille', role: 'finance', scope: { academies: ['09'], regions: ['32'] }, name: 'Gestionnaire FIP, Lille' },
  { sub: 'auditor-ccomptes', role: 'auditor', scope: {}, name: 'Auditeur' },
  { sub: 'admin-national', role: 'admin', scope: {}, name: 'Administrateur national' },
];

export async function printDemoTokens(app: INestApplication): Promise<void> {
  const jwt = app.get(JwtService);
  const lines = ['', 'Demo tokens (no JWT_SECRET set; the secret is in DATA_DIR/jwt-secret):'];
  for (const p of DEMO_PRINCIPALS) lines.push(`  ${p.role.padEnd(9)} ${p.name}\n    ${await jwt.sign(p)}`);
  process.stdout.write(lines.join('\n') + '\n\n');
}

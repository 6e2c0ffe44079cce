import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JwtService, type TokenClaims } from '#auth';
import { grantClaims } from '../directory/grant-for-token.js';

/** Demo mode only (no JWT_SECRET): one sample token per role, printed at start. */
export const DEMO_PRINCIPALS: (TokenClaims & { capacity?: string })[] = [
  // The member of the Lycée de Lille the demo data registers (it declares that lycée's projects).
  { sub: 'holder-0590001F', role: 'holder', scope: {}, name: 'Porteur (lycée, Nord)' },
  { sub: 'validator-lille', role: 'validator', scope: { academies: ['09'] }, name: 'Instructeur, académie de Lille' },
  { sub: 'validator-ars-ge', role: 'validator', scope: { regions: ['44'] }, name: 'Instructeur, ARS Grand Est' },
  // The recteur of Nancy-Metz of the Meuse demo (signs in own right; the IA-DASEN of the Meuse signs by delegation).
  {
    sub: 'recteur-nancy-metz',
    role: 'decider',
    scope: { academies: ['12'] },
    capacity: 'recteur',
    name: 'Recteur, académie de Nancy-Metz',
  },
  { sub: 'finance-lille', role: 'finance', scope: { academies: ['09'], regions: ['32'] }, name: 'Gestionnaire FIP, Lille' },
  // Who drafted the demo's award acts and recorded their EJ, and the public accountant who pays (separate people).
  { sub: 'finance-demo-12', role: 'finance', scope: { academies: ['12'] }, name: 'Gestionnaire FIP, Nancy-Metz' },
  { sub: 'comptable-nancy-metz', role: 'accountant', scope: { academies: ['12'] }, name: 'Comptable public, Nancy-Metz' },
  { sub: 'auditor-ccomptes', role: 'auditor', scope: {}, name: 'Auditeur' },
  { sub: 'admin-national', role: 'admin', scope: {}, name: 'Administrateur national' },
];

export async function printDemoTokens(app: INestApplication): Promise<void> {
  const jwt = app.get(JwtService);
  const commands = app.get(CommandBus);
  const lines = ['', 'Demo tokens (no JWT_SECRET set; the secret is in DATA_DIR/jwt-secret):'];
  for (const p of DEMO_PRINCIPALS) {
    await grantClaims(commands, p, 'demo:tokens');
    const { capacity: _capacity, ...claims } = p;
    lines.push(`  ${p.role.padEnd(10)} ${p.name}\n    ${await jwt.sign(claims)}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { CommandBus } from '@nestjs/cqrs';
import { JwtService, type TokenClaims } from '#auth';
import { DEMO_PRINCIPALS } from '../auth/demo-tokens.js';
import { grantClaims } from '../directory/grant-for-token.js';
import { EVENT_STORE, type EventStore } from '#event-store';
import { envelopeId, envelopeStreamId } from '#funding';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { type FundedDemoProject, loadDemoAwardActs } from './demo-award-acts.js';
import { loadMeuseDemo } from './demo-meuse.js';
import { MEUSE_PROJECTS } from './demo-meuse.data.js';
import { DEMO_PROJECTS, type DemoProject, envelopeOrders, PATHS } from './demo-scenario.js';

/** Seeds demo envelopes and projects once (the first envelope not yet opened), through the API itself (real validation). */
export async function loadDemoData(app: NestFastifyApplication, logger: Logger): Promise<void> {
  const year0 = app.get<Clock>(CLOCK).now().getUTCFullYear();
  const first = envelopeOrders(year0)[0]!.open;
  const store = app.get<EventStore>(EVENT_STORE);
  if ((await store.readStream(envelopeStreamId(envelopeId('fir', first.territoryCode, year0)))).length > 0) return;
  const jwt = app.get(JwtService);
  const commands = app.get(CommandBus);
  const named: [personId: string, name: string][] = [];
  const tokenFor = async (claims: TokenClaims & { capacity?: string }) => {
    await grantClaims(commands, claims, 'demo:data');
    if (claims.name) named.push([claims.sub, claims.name]);
    return jwt.sign(claims);
  };
  const year = app.get<Clock>(CLOCK).now().getUTCFullYear();
  const fastify = app.getHttpAdapter().getInstance();
  const call = async (token: string, method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown, key?: string) => {
    const res = await fastify.inject({
      method,
      url,
      payload: body as object,
      headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
    });
    if (res.statusCode >= 300) throw new Error(`demo data: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, string>;
  };
  const admin = await tokenFor({ sub: 'admin-demo', role: 'admin', scope: {}, name: 'Administrateur national' });
  for (const { open, notify } of envelopeOrders(year)) {
    const opened = await call(admin, 'POST', '/envelopes', open, `demo-open-${open.territoryCode}-${year}`);
    await call(
      admin,
      'POST',
      `/envelopes/${opened.envelopeId ?? `${open.fund}-${open.territoryCode}-${year}`}/notify`,
      notify,
      `demo-notify-${open.territoryCode}-${year}`,
    );
  }
  const funded: FundedDemoProject[] = [];
  for (const [i, p] of DEMO_PROJECTS.entries()) {
    const seeded = await seedProject(p, i, call, tokenFor);
    if (p.path === 'validated_edu' || p.path === 'validated_health') funded.push(seeded);
  }
  await loadDemoAwardActs(call, tokenFor, admin, funded);
  await loadMeuseDemo(call, tokenFor, year);
  // The directory names the demo's people (kept out of the log), so that histories read with names; all marked as demo.
  for (const [personId, name] of [...named, ...DEMO_PRINCIPALS.map((p) => [p.sub, p.name] as [string, string])])
    await call(admin, 'PUT', `/people/${personId}`, { displayName: `${name} (démonstration)` });
  logger.info(
    { projects: DEMO_PROJECTS.length + MEUSE_PROJECTS.length, year },
    'demo data loaded (envelopes FIR/FIP, projects in every state, the Meuse projects of the seeds with a commission and delegations)',
  );
}

type Call = (token: string, method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown, key?: string) => Promise<Record<string, string>>;

/** A token whose habilitation (and, for a decider, signing capacity) is recorded in the directory first. */
type TokenFor = (claims: TokenClaims & { capacity?: string }) => Promise<string>;

async function seedProject(p: DemoProject, i: number, call: Call, tokenFor: TokenFor): Promise<FundedDemoProject> {
  const holder = await tokenFor({ sub: `holder-${p.holder.organisationId}`, role: 'holder', scope: {}, name: p.holder.name });
  const validator = await tokenFor({ sub: `validator-demo-${i}`, role: 'validator', scope: p.validatorScope, name: 'Instructeur' });
  const decider = await tokenFor({ role: 'decider', ...p.decider });
  const tokens = { holder, validator, decider };
  const { territory, holder: h, title, program } = p;
  const created = await call(holder, 'POST', '/projects', {
    program,
    title,
    description: `${title} (projet de démonstration).`,
    territory,
    holder: h,
  });
  const id = created.projectId!;
  for (const [command, by, body] of PATHS[p.path]!) {
    const token = tokens[by];
    if (command === 'edit') {
      await call(token, 'PATCH', `/projects/${id}`, {
        requestedAmountCents: p.requestedCents,
        budgetLines: [{ label: 'Intervenants et matériel', amountCents: p.requestedCents }],
      });
    } else {
      await call(token, 'POST', `/projects/${id}/${command}`, body ?? {});
    }
  }
  return { projectId: id, program, holderOrganisationId: h.organisationId, holderToken: holder, deciderToken: decider };
}

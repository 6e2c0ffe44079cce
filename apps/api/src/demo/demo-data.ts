import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { JwtService } from '#auth';
import { EVENT_STORE, type EventStore } from '#event-store';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { DEMO_PROJECTS, type DemoProject, envelopeOrders, PATHS } from './demo-scenario.js';

/** Seeds demo envelopes and projects on an empty log, through the API itself (real validation, real events). */
export async function loadDemoData(app: NestFastifyApplication, logger: Logger): Promise<void> {
  if ((await app.get<EventStore>(EVENT_STORE).headPosition()) > 0n) return;
  const jwt = app.get(JwtService);
  const year = app.get<Clock>(CLOCK).now().getUTCFullYear();
  const fastify = app.getHttpAdapter().getInstance();
  const call = async (token: string, method: 'POST' | 'PATCH', url: string, body: unknown, key?: string) => {
    const res = await fastify.inject({
      method,
      url,
      payload: body as object,
      headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
    });
    if (res.statusCode >= 300) throw new Error(`demo data: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, string>;
  };
  const admin = await jwt.sign({ sub: 'admin-demo', role: 'admin', scope: {}, name: 'Administrateur national' });
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
  for (const [i, p] of DEMO_PROJECTS.entries()) await seedProject(p, i, call, jwt);
  logger.info({ projects: DEMO_PROJECTS.length, year }, 'demo data loaded (envelopes FIR/FIP and projects in every state)');
}

type Call = (token: string, method: 'POST' | 'PATCH', url: string, body: unknown, key?: string) => Promise<Record<string, string>>;

async function seedProject(p: DemoProject, i: number, call: Call, jwt: JwtService): Promise<void> {
  const holder = await jwt.sign({ sub: `holder-${p.holder.organisationId}`, role: 'holder', scope: {}, name: p.holder.name });
  const validator = await jwt.sign({ sub: `validator-demo-${i}`, role: 'validator', scope: p.validatorScope, name: 'Instructeur' });
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
    const token = by === 'holder' ? holder : validator;
    if (command === 'edit') {
      await call(token, 'PATCH', `/projects/${id}`, {
        requestedAmountCents: p.requestedCents,
        budgetLines: [{ label: 'Intervenants et matériel', amountCents: p.requestedCents }],
      });
    } else {
      await call(token, 'POST', `/projects/${id}/${command}`, body ?? {});
    }
  }
}

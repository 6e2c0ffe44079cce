import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { actors, declare, edit, ok, run } from '../lifecycle/lifecycle-flow.js';

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  [key: string]: unknown;
}
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** Each envelope operation's body fields, and those it requires. */
const ENVELOPE_BODIES: Record<string, { fields: string[]; required: string[] }> = {
  '/envelopes': {
    fields: ['fund', 'territoryCode', 'year', 'period', 'label', 'parentId', 'ceiling', 'carryOver', 'split'],
    required: ['fund', 'territoryCode'],
  },
  '/envelopes/{id}/notify': { fields: ['ae', 'cp', 'kind', 'reason'], required: ['ae', 'cp'] },
  '/envelopes/{id}/reduce': { fields: ['ae', 'cp', 'reason'], required: ['ae', 'cp', 'reason'] },
  '/envelopes/{id}/split': { fields: ['split', 'reason'], required: ['split'] },
  '/envelopes/{id}/allocate': { fields: ['ae', 'cp', 'childId', 'reason'], required: ['ae', 'cp', 'childId'] },
  '/envelopes/{id}/transfer': { fields: ['ae', 'cp', 'toId', 'reason'], required: ['ae', 'cp', 'toId', 'reason'] },
  '/envelopes/{id}/commit': {
    fields: ['projectId', 'ejNumber', 'ejNumberFictitious', 'amount', 'splitKey', 'reason'],
    required: ['projectId', 'ejNumber'],
  },
  '/envelopes/{id}/adjust-commitment': {
    fields: ['projectId', 'amendmentNumber', 'reason'],
    required: ['projectId', 'amendmentNumber'],
  },
  '/envelopes/{id}/release': { fields: ['commitmentRef', 'amount', 'reason'], required: ['commitmentRef', 'reason'] },
  '/envelopes/{id}/service-done': {
    fields: ['commitmentRef', 'amount', 'instalment', 'reference'],
    required: ['commitmentRef', 'amount', 'reference'],
  },
  '/envelopes/{id}/order-payment': {
    fields: ['commitmentRef', 'amount', 'instalment', 'orderRef'],
    required: ['commitmentRef', 'amount', 'orderRef'],
  },
  '/envelopes/{id}/pay': { fields: ['commitmentRef', 'orderRef'], required: ['commitmentRef', 'orderRef'] },
  '/envelopes/{id}/order-recovery': {
    fields: ['commitmentRef', 'titleRef', 'amount', 'reason'],
    required: ['commitmentRef', 'titleRef', 'amount', 'reason'],
  },
  '/envelopes/{id}/collect-recovery': {
    fields: ['commitmentRef', 'titleRef', 'amount'],
    required: ['commitmentRef', 'titleRef', 'amount'],
  },
  '/envelopes/{id}/close-year': { fields: ['year', 'unpaidOrdersReason', 'cpCarried'], required: ['year'] },
};
const EURO_FIELDS = ['ae', 'cp', 'amount', 'ceiling'];

const bodyOf = (doc: Doc, path: string, method = 'post') => doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;

function resolve(doc: Doc, schema: Schema): Schema {
  const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
  return ref ? { ...doc.components.schemas[ref.split('/').pop()!]!, ...schema } : schema;
}

/** Every property of a body schema, nested objects and array items included, as [path, schema]. */
function properties(doc: Doc, schema: Schema, path = ''): [string, Schema][] {
  const own = resolve(doc, schema);
  return Object.entries(own.properties ?? {}).flatMap(([name, child]) => {
    const nested = resolve(doc, child.items ?? child);
    return [[`${path}${name}`, child] as [string, Schema], ...(nested.properties ? properties(doc, nested, `${path}${name}.`) : [])];
  });
}

describe('request bodies: one DTO per operation, documented in OpenAPI; the amount rule on …Cents fields', () => {
  let api: ApiHarness;
  let doc: Doc;
  beforeAll(async () => {
    api = await startApi();
    doc = (await api.request('GET', '/api/docs-json')).body as Doc;
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(Object.entries(ENVELOPE_BODIES))('POST %s documents its body: fields, required ones, examples, descriptions', (path, body) => {
    const schema = bodyOf(doc, path);
    expect(schema?.$ref).toMatch(/^#\/components\/schemas\/\w+Request$/);
    const own = resolve(doc, schema!);
    expect(Object.keys(own.properties ?? {}).sort()).toEqual([...body.fields].sort());
    expect([...(own.required ?? [])].sort()).toEqual([...body.required].sort());
    for (const [field, property] of properties(doc, schema!)) {
      const documented = { field, example: property.example !== undefined, description: typeof property.description };
      expect(documented).toEqual({ field, example: true, description: 'string' });
    }
    for (const field of EURO_FIELDS.filter((f) => body.fields.includes(f))) {
      const decimal = { type: 'string', pattern: expect.any(String), example: expect.stringMatching(/^\d+\.\d{2}$/) };
      expect(own.properties![field]).toMatchObject(decimal);
    }
  });

  it('the generic POST /envelopes/{id}/{operation} route is gone from the document: each operation has its own path', () => {
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/envelopes/{id}/') && !['/envelopes/{id}/history', '/envelopes/{id}/commitments'].includes(p))
        .sort(),
    ).toEqual(
      Object.keys(ENVELOPE_BODIES)
        .filter((p) => p !== '/envelopes')
        .sort(),
    );
    expect(resolve(doc, bodyOf(doc, '/envelopes/{id}/split')!).properties?.split).toBeDefined();
    expect(properties(doc, bodyOf(doc, '/envelopes')!).map(([p]) => p)).toEqual(
      expect.arrayContaining([
        'period.fromYear',
        'period.toYear',
        'carryOver.ae',
        'carryOver.ae.mode',
        'carryOver.ae.percent',
        'split.mode',
        'split.shares',
      ]),
    );
  });

  it('the project bodies (declare, edit, transition) give an example and a description on every field; …Cents fields are integers', () => {
    for (const [path, method] of [
      ['/projects', 'post'],
      ['/projects/{id}', 'patch'],
      ['/projects/{id}/{command}', 'post'],
    ] as const) {
      const schema = bodyOf(doc, path, method);
      expect(schema).toBeDefined();
      const all = properties(doc, schema!);
      expect(all.length).toBeGreaterThan(3);
      for (const [field, property] of all) {
        expect({ path, field, example: property.example !== undefined, description: typeof property.description }).toEqual({
          path,
          field,
          example: true,
          description: 'string',
        });
        if (field.endsWith('Cents')) expect({ field, type: property.type }).toEqual({ field, type: 'integer' });
      }
    }
  });

  it('a …Cents field given a string is a 400 naming the field and the rule, and nothing is written', async () => {
    const a = await actors(api);
    const id = await declare(api, a.holder, 'education');
    await ok(api, a.holder, id, 'start_drafting');
    const head = async () => await api.headPosition();
    const before = await head();
    const requested = await edit(api, a.holder, id, { requestedAmountCents: '4500.00' });
    expect(requested.status).toBe(400);
    expect(requested.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'requestedAmountCents', rule: 'isCents', detail: expect.stringContaining('nombre entier de centimes') }],
    });
    const line = await edit(api, a.holder, id, { budgetLines: [{ label: 'Semences', amountCents: '800' }] });
    expect(line.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'budgetLines.0.amountCents', rule: 'isCents' }] });
    const granted = await run(api, a.eduValidator, id, 'validate', { reason: 'ok', grantedAmountCents: '12000.00' });
    expect(granted.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'grantedAmountCents', rule: 'isCents' }] });
    expect(await head()).toBe(before);
    expect((await edit(api, a.holder, id, { requestedAmountCents: 450_000 })).status).toBe(200);
  });
});

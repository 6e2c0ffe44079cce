/** Any way of sending a request to the API (the in-process harness, or fetch to a replica): the status and the JSON body. */
export type Send = (method: 'POST' | 'PATCH', path: string, token: string, body: unknown) => Promise<{ status: number; body: any }>;

export interface ProjectToValidate {
  /** The intention (program, title, territory, holder…) as POST /projects takes it. */
  intention: { program: string } & Record<string, unknown>;
  requestedCents: number;
  grantedCents: number;
}

/**
 * Declares a project and takes it to `validated` through real commands (holder: drafting, dossier, submission; validator:
 * analysis, the CTS's opinion for health, validation with `grantedCents`). Returns its id.
 */
export async function declareAndValidate(send: Send, tokens: { holder: string; validator: string }, p: ProjectToValidate): Promise<string> {
  const ok = async (method: 'POST' | 'PATCH', path: string, token: string, body: unknown = {}) => {
    const res = await send(method, path, token, body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const id = (await ok('POST', '/projects', tokens.holder, p.intention)).projectId as string;
  await ok('POST', `/projects/${id}/start_drafting`, tokens.holder);
  const budgetLines = [{ label: 'Matériel et intervenants', amountCents: p.requestedCents }];
  await ok('PATCH', `/projects/${id}`, tokens.holder, { requestedAmountCents: p.requestedCents, budgetLines });
  await ok('POST', `/projects/${id}/submit`, tokens.holder);
  await ok('POST', `/projects/${id}/start_analysis`, tokens.validator);
  if (p.intention.program === 'health') {
    await ok('POST', `/projects/${id}/refer_to_cts`, tokens.validator);
    await ok('POST', `/projects/${id}/record_cts_opinion`, tokens.validator, { reason: 'Avis favorable du CTS', favourable: true });
  }
  await ok('POST', `/projects/${id}/validate`, tokens.validator, { reason: 'Avis favorable', grantedAmountCents: p.grantedCents });
  return id;
}

/** Runs `make` for 0..count-1, `width` at a time; the results in order. */
export async function inBatches<T>(count: number, width: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, k) => make(start + k)))));
  }
  return out;
}

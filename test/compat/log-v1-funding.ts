/**
 * GET /projects/:id/funding changed shape on purpose in issue 15 (award acts; the funding process moves no money): the act,
 * the commitment and every movement on it, whoever recorded it, replace v1's process-centred view (its status, pending
 * step, fixed 50 % instalments). A project funded by v1's process keeps its money as v1 recorded it: these are the facts
 * both views give, which must be equal.
 */
type Body = Record<string, any>;

const AMOUNTS = ['committedCents', 'releasedCents', 'serviceDoneCents', 'paidCents', 'recoveredCents'] as const;
const amountsOf = (c: Body | null) => (c ? Object.fromEntries(AMOUNTS.map((k) => [k, c[k]])) : null);

export function v1FundingFacts(v1: Body) {
  return {
    projectStatus: v1['projectStatus'],
    grantedCents: v1['grantedCents'],
    commitment: amountsOf(v1['commitment']),
    payments: (v1['payments'] as Body[]).map((p) => ({ amountCents: p['amountCents'], year: p['year'] })),
    recoveries: (v1['recoveries'] as Body[]).map((r) => ({ amountCents: r['amountCents'] })),
  };
}

export function currentFundingFacts(now: Body) {
  const movements = (now['movements'] as Body[]) ?? [];
  return {
    projectStatus: now['projectStatus'],
    grantedCents: now['grantedCents'],
    commitment: amountsOf(now['commitment']),
    payments: movements.filter((m) => m['type'] === 'envelope.paid').map((m) => ({ amountCents: m['amountCents'], year: m['year'] })),
    recoveries: movements.filter((m) => m['type'] === 'envelope.recovered').map((m) => ({ amountCents: m['amountCents'] })),
  };
}

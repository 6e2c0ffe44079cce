import { invalid } from '#kernel';
import type { ContentChanges } from './project.events.js';
import {
  type Attachment,
  type BudgetLine,
  type FinalReport,
  type Holder,
  type Partner,
  type Program,
  type Territory,
  PARTNER_KINDS,
} from './project.state.js';
import { checkHolderId, checkTerritory } from './project.territory.js';

const CODE = 'PROJECT_INVALID_FIELD';
export const LIMITS = {
  title: [3, 200],
  text: 10_000,
  name: 200,
  fileName: 255,
  partners: 50,
  coHolders: 20,
  budgetLines: 200,
  attachments: 100,
} as const;

const fail = (field: string, rule: string): never => {
  throw invalid(CODE, field, rule);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkText(field: string, v: unknown, min: number, max: number): void {
  if (typeof v !== 'string') fail(field, 'must be a string');
  const length = (v as string).trim().length;
  if (length < min || length > max) fail(field, min > 0 ? `length ${min}..${max}` : `at most ${max} characters`);
}

export function checkCents(field: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(field, 'integer cents >= 0');
}

export function checkProjectId(v: unknown): void {
  if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,150}$/.test(v))
    fail('projectId', 'letters, digits, _.:@- (max 151), starting with a letter or digit');
}

export function checkTitle(v: unknown): void {
  checkText('title', v, LIMITS.title[0], LIMITS.title[1]);
}

/** Returns the holder with its canonical organisation id. */
export function checkHolder(program: Program, v: unknown, field = 'holder'): Holder {
  if (!isObject(v)) fail(field, 'required');
  const h = v as Record<string, unknown>;
  checkText(`${field}.name`, h['name'], 1, LIMITS.name);
  return { organisationId: checkHolderId(program, h['organisationId'], `${field}.organisationId`), name: (h['name'] as string).trim() };
}

/** Co-holders: other organisations of the same kind of identifier, each once, never the principal holder. */
export function checkCoHolders(program: Program, holder: Holder, v: unknown): Holder[] {
  if (!Array.isArray(v)) fail('coHolders', 'must be a list');
  const list = v as unknown[];
  if (list.length > LIMITS.coHolders) fail('coHolders', `at most ${LIMITS.coHolders} items`);
  const seen = new Set([holder.organisationId]);
  return list.map((item, i) => {
    const h = checkHolder(program, item, `coHolders[${i}]`);
    if (seen.has(h.organisationId)) fail(`coHolders[${i}].organisationId`, 'distinct from the holder and the other co-holders');
    seen.add(h.organisationId);
    return h;
  });
}

function checkList<T>(field: string, v: unknown, max: number, each: (item: Record<string, unknown>, at: string) => void): asserts v is T[] {
  if (!Array.isArray(v)) fail(field, 'must be a list');
  const list = v as unknown[];
  if (list.length > max) fail(field, `at most ${max} items`);
  list.forEach((item, i) => {
    if (!isObject(item)) fail(`${field}[${i}]`, 'must be an object');
    each(item as Record<string, unknown>, `${field}[${i}]`);
  });
}

export function checkPartners(v: unknown): asserts v is Partner[] {
  checkList<Partner>('partners', v, LIMITS.partners, (p, at) => {
    checkText(`${at}.name`, p['name'], 1, LIMITS.name);
    if (!PARTNER_KINDS.includes(p['kind'] as Partner['kind'])) fail(`${at}.kind`, `one of ${PARTNER_KINDS.join(', ')}`);
    if (p['organisationId'] !== undefined) checkText(`${at}.organisationId`, p['organisationId'], 1, 50);
  });
}

export function checkBudgetLines(v: unknown): asserts v is BudgetLine[] {
  checkList<BudgetLine>('budgetLines', v, LIMITS.budgetLines, (l, at) => {
    checkText(`${at}.label`, l['label'], 1, LIMITS.name);
    checkCents(`${at}.amountCents`, l['amountCents']);
  });
  const total = (v as BudgetLine[]).reduce((sum, l) => sum + l.amountCents, 0);
  if (!Number.isSafeInteger(total)) fail('budgetLines', 'total must be a safe integer');
}

export function checkAttachments(field: string, v: unknown): asserts v is Attachment[] {
  checkList<Attachment>(field, v, LIMITS.attachments, (a, at) => {
    checkText(`${at}.name`, a['name'], 1, LIMITS.fileName);
    if (typeof a['sizeBytes'] !== 'number' || !Number.isSafeInteger(a['sizeBytes']) || a['sizeBytes'] < 0)
      fail(`${at}.sizeBytes`, 'integer >= 0');
    if (typeof a['sha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(a['sha256']))
      fail(`${at}.sha256`, '64 lowercase hex characters (sha-256)');
  });
}

/** Returns the territory with canonical codes and only the known keys. */
export function checkTerritoryOf(program: Program, v: unknown): Territory {
  if (!isObject(v)) fail('territory', 'required');
  return checkTerritory(program, v as Record<string, unknown>);
}

export function checkChanges(v: unknown): asserts v is ContentChanges {
  if (!isObject(v)) fail('changes', 'must be an object');
  const c = v as Record<string, unknown>;
  const editable = ['title', 'description', 'partners', 'requestedAmountCents', 'budgetLines', 'attachments'];
  const keys = Object.keys(c).filter((k) => c[k] !== undefined);
  if (keys.length === 0) fail('changes', 'at least one field');
  for (const k of keys) if (!editable.includes(k)) fail(`changes.${k}`, `not editable (editable: ${editable.join(', ')})`);
  if (c['title'] !== undefined) checkTitle(c['title']);
  if (c['description'] !== undefined) checkText('description', c['description'], 0, LIMITS.text);
  if (c['partners'] !== undefined) checkPartners(c['partners']);
  if (c['requestedAmountCents'] !== undefined) checkCents('requestedAmountCents', c['requestedAmountCents']);
  if (c['budgetLines'] !== undefined) checkBudgetLines(c['budgetLines']);
  if (c['attachments'] !== undefined) checkAttachments('attachments', c['attachments']);
}

export function checkFinalReport(v: unknown): asserts v is FinalReport {
  if (!isObject(v)) fail('report', 'required');
  const r = v as Record<string, unknown>;
  checkText('report.summary', r['summary'], 1, LIMITS.text);
  checkCents('report.spentAmountCents', r['spentAmountCents']);
  if (r['attachments'] !== undefined) checkAttachments('report.attachments', r['attachments']);
}

import { HttpException } from '@nestjs/common';
import { DomainError, type DomainErrorCategory } from '#kernel';
import {
  IdempotencyConflictError,
  InvalidAppendError,
  StoreClosedError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '#event-store';

/** One field breaking one rule. */
export interface FieldError {
  field: string;
  rule: string;
  detail?: string;
}

/** RFC 9457 problem details, with Refonda's stable `code` and the fields at fault. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The one place where domain and store error categories become HTTP statuses. */
const STATUS: Record<DomainErrorCategory, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Ressource introuvable',
  405: 'Méthode non autorisée',
  408: 'Délai de requête dépassé',
  409: 'Conflit avec l’état actuel',
  412: 'Version périmée',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service momentanément indisponible',
};

/** Codes of errors raised below Refonda (Fastify, Nest), by status. */
const FRAMEWORK_CODES: Record<number, [code: string, detail: string]> = {
  400: ['INVALID_REQUEST', 'La requête est invalide.'],
  401: ['AUTH_REQUIRED', 'Un jeton d’accès est requis.'],
  403: ['FORBIDDEN', 'Cette action n’est pas permise.'],
  406: ['NOT_ACCEPTABLE', 'Le format de réponse demandé n’est pas disponible.'],
  411: ['LENGTH_REQUIRED', 'La longueur du corps de la requête doit être indiquée.'],
  414: ['URI_TOO_LONG', 'L’adresse demandée est trop longue.'],
  429: ['TOO_MANY_REQUESTS', 'Trop de requêtes : réessayez plus tard.'],
  431: ['HEADERS_TOO_LARGE', 'Les en-têtes de la requête sont trop volumineux.'],
  404: ['NOT_FOUND', 'Aucune ressource à cette adresse.'],
  405: ['METHOD_NOT_ALLOWED', 'Cette méthode n’est pas acceptée à cette adresse.'],
  408: ['REQUEST_TIMEOUT', 'La requête n’a pas été reçue entière à temps.'],
  413: ['PAYLOAD_TOO_LARGE', 'Le corps de la requête dépasse la taille autorisée.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Le corps de la requête doit être du JSON (Content-Type: application/json).'],
};

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'field', 'rule', 'instance']);

export const problemType = (code: string) => `urn:refonda:problem:${code.toLowerCase().replaceAll('_', '-')}`;

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  const facts = Object.fromEntries(Object.entries(extensions).filter(([k, v]) => !RESERVED.has(k) && v !== undefined));
  return {
    type: problemType(code),
    title: TITLES[status] ?? 'Erreur',
    status,
    detail,
    code,
    ...(errors?.length ? { errors } : {}),
    ...facts,
  };
}

function fieldErrorsOf(details: Record<string, unknown>): FieldError[] | undefined {
  if (Array.isArray(details.errors)) return details.errors as FieldError[];
  if (typeof details.field === 'string')
    return [{ field: details.field, rule: typeof details.rule === 'string' ? details.rule : 'invalid' }];
  return undefined;
}

/** Any error thrown while serving a request, as the problem the client reads. */
export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof DomainError) {
    return problem(STATUS[error.category], error.code, error.message, fieldErrorsOf(error.details), error.details);
  }
  if (error instanceof InvalidAppendError) return problem(400, error.code, `Écriture refusée par le journal : ${error.message}`);
  if (error instanceof StoreUnavailableError) {
    return problem(503, error.code, 'Le journal des événements est indisponible ; réessayez avec la même clé Idempotency-Key.');
  }
  if (error instanceof StoreClosedError) return problem(503, error.code, 'Le service s’arrête : réessayez dans un instant.');
  if (error instanceof WrongExpectedRevisionError || error instanceof IdempotencyConflictError) {
    return problem(409, error.code, 'Une autre écriture est passée en même temps : rechargez, puis réessayez.');
  }
  const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, detail] = FRAMEWORK_CODES[status] ?? [`HTTP_${status}`, 'La requête ne peut pas être servie.'];
    return problem(status, code, detail);
  }
  return problem(500, 'INTERNAL', 'Erreur interne : l’incident est journalisé.');
}

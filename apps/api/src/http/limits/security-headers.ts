import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Every response but two pages: JSON loads nothing and is never framed. */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/**
 * Swagger UI (/api/docs): its scripts and styles come from /api/docs/, its page has inline <style> blocks and its
 * React components set style attributes ('unsafe-inline' for styles only, never for scripts); icons are data: URLs.
 */
const SWAGGER_UI_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * What helmet sets on a JSON answer, for the answers written on the socket before Fastify has a request (a 408, 400
 * or 431 from Node's parser): test/limits/raw-answers.e2e.spec.ts checks that they stay the same as helmet's.
 */
export const RAW_ANSWER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': Object.entries(API_CSP)
    .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
    .join(';'),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

const isSwaggerUi = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * Security headers on every response, errors and 429s included (@fastify/helmet, from onRequest): nosniff, no framing
 * (X-Frame-Options DENY, frame-ancestors 'none'), Referrer-Policy no-referrer, HSTS, cross-origin isolation headers.
 * The dashboard page (/) sets its own strict CSP in its controller, which replaces this one for that page.
 */
export async function registerSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  // Added before helmet's own onRoute hook, which reads a route's `helmet` options, and before SwaggerModule.setup.
  fastify.addHook('onRoute', (route) => {
    if (isSwaggerUi(route.url)) route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: SWAGGER_UI_CSP } };
  });
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

import { createReadStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '#auth';
import { DomainError } from '#kernel';

const PAGE = 'apps/api/src/dashboard/public/index.html';

/** The project root: the first folder up from this module holding the page (works from src/ and from dist/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, PAGE))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

const root = projectRoot();
const PUBLIC_DIR = join(root, 'apps/api/src/dashboard/public');

/** Files the page may load, by URL name: the page's own script and styles, and Chart.js from node_modules. */
const ASSETS: Record<string, { path: string; type: string }> = {
  'dashboard.js': { path: join(PUBLIC_DIR, 'dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { path: join(PUBLIC_DIR, 'dashboard.css'), type: 'text/css; charset=utf-8' },
  'chart.umd.js': { path: join(root, 'node_modules/chart.js/dist/chart.umd.js'), type: 'text/javascript; charset=utf-8' },
};

/**
 * The page's own policy, set by this controller over the API-wide one (apps/api/src/http/limits/security-headers.ts):
 * nothing inline, nothing from elsewhere; the token form is never submitted to a URL (form-action 'none').
 */
export const DASHBOARD_PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The dashboard page at /: plain HTML, an ES module, Chart.js; served by the API itself (no build server). */
@ApiExcludeController()
@Public()
@Controller()
export class DashboardPageController {
  @Get()
  page(@Res() reply: FastifyReply) {
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DASHBOARD_PAGE_CSP)
      .header('cache-control', 'no-cache')
      .send(createReadStream(join(PUBLIC_DIR, 'index.html')));
  }

  @Get('dashboard/assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply) {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset || !existsSync(asset.path))
      throw new DomainError('not_found', 'ASSET_NOT_FOUND', `Aucun fichier « ${file} » parmi les ressources du tableau de bord.`);
    return reply.type(asset.type).header('cache-control', 'no-cache').send(createReadStream(asset.path));
  }
}

/**
 * Architecture rules, checked by `npm run lint` (depcruise apps libs test bench) and by
 * test/architecture/dependency-rules.e2e.spec.ts, which also proves on fixtures that each rule can fail.
 * The clock rule of the domain libs (no `new Date()` / `Date.now()`) cannot be seen here: it is in eslint.config.js.
 */
const DOMAIN_LIBS = '(kernel|workflow|projects|funding|territories|directory|delegations|committees|calendar|awards)';
/** Domain code: a domain lib's sources but its application shell (`application/`, the `application.ts` barrel) and its specs. */
const DOMAIN_CODE = {
  path: `^libs/${DOMAIN_LIBS}/src/`,
  pathNot: [`^libs/${DOMAIN_LIBS}/src/application(/|\\.ts$)`, '\\.spec\\.ts$'],
};
/** package.json `imports` declares these deep subpaths besides `#<lib>` (the index): `#event-store/*`, `#funding/*`. */
const LIBS_WITH_DEEP_IMPORTS = '(event-store|funding)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-no-framework-store-or-http',
      comment: 'Domain libs are pure: no Nest, store, HTTP, I/O or rxjs; time and effects come in through the application shell.',
      severity: 'error',
      from: DOMAIN_CODE,
      to: {
        path: [
          '(^|/)node_modules/(@types/)?(@nestjs|better-sqlite3|@eventstore|fastify|@fastify|rxjs)/',
          '^(node:)?(http|https|fs|fs/promises|net|child_process)$',
        ],
      },
    },
    {
      name: 'domain-no-application-lib',
      comment: 'Domain libs do not import the application libs (store, read models, auth, audit, processes).',
      severity: 'error',
      from: DOMAIN_CODE,
      to: { path: '^libs/(event-store|projections|auth|audit|processes|consumers)/' },
    },
    {
      name: 'domain-no-application-shell',
      comment: "A domain file does not import an application shell (its own lib's or another's): the shell uses the store.",
      severity: 'error',
      from: DOMAIN_CODE,
      to: { path: `^libs/${DOMAIN_LIBS}/src/application(/|\\.ts$)` },
    },
    {
      name: 'apps-through-lib-index',
      comment: "Apps reach a lib through its index (`#<lib>`); only package.json's `#event-store/*` and `#funding/*` go deeper.",
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/index\\.ts$', `^libs/${LIBS_WITH_DEEP_IMPORTS}/src/`] },
    },
    {
      name: 'apps-deep-import-by-alias',
      comment: 'A deep import into event-store or funding goes through its package.json alias (#event-store/…, #funding/…).',
      severity: 'error',
      from: { path: '^apps/' },
      to: {
        path: `^libs/${LIBS_WITH_DEEP_IMPORTS}/src/`,
        pathNot: '^libs/[^/]+/src/index\\.ts$',
        dependencyTypesNot: ['aliased-subpath-import'],
      },
    },
    {
      name: 'controllers-not-to-store',
      comment: 'HTTP controllers (*.http.ts, *.controller.ts) go through application services, never to the store.',
      severity: 'error',
      from: { path: '^apps/.+\\.(http|controller)\\.ts$' },
      to: { path: ['^libs/event-store/', '(^|/)node_modules/(@types/)?better-sqlite3/'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (an alias depcruise cannot follow would otherwise pass every rule unseen).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular-between-libs',
      // A module cycle that leaves a lib and comes back. A lib-level cycle through different files of a lib (no module
      // cycle) is beyond a rule: test/architecture/dependency-rules.e2e.spec.ts checks the lib graph for it.
      comment: 'No cycle between libs: a cycle that leaves a lib and comes back to it.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, via: { path: '^libs/', pathNot: '^libs/$1/' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^test/architecture/fixtures/'] },
    // Type-only imports count: `import type { EventStore } from '#event-store'` in a domain file is still a violation.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      // The #… aliases are package.json subpath imports (enhanced-resolve reads `imports` by default) whose `types`
      // condition points at the .ts sources: without 'types' they would resolve to dist/ or not at all.
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};

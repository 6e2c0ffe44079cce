// @willsoto/nestjs-prometheus is CommonJS and require()s @nestjs/common, which is ESM-only. Jest links a test's module
// graph before evaluating it, so that require() would meet @nestjs/common mid-link ("require(esm) in a cycle").
// Evaluated here first, it is a finished module when the CommonJS package asks for it.
await import('@nestjs/common');
await import('@nestjs/core');

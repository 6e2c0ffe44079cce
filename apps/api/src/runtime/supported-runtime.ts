import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

export interface RuntimeDeclaration {
  /** package.json `engines.node`: the range Refonda supports. */
  engines: string;
  /** package.json `devDependencies.node`: the exact version `npm ci` installs into node_modules/.bin. */
  pinned: string;
}

/** The repository's package.json, found upwards from this file (its depth differs between src/ and dist/). */
export function runtimeDeclaration(from = dirname(fileURLToPath(import.meta.url))): RuntimeDeclaration {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as {
        name?: string;
        engines?: { node?: string };
        devDependencies?: Record<string, string>;
      };
      if (pkg.name === 'refonda') return { engines: pkg.engines?.node ?? '*', pinned: pkg.devDependencies?.node ?? '' };
    }
    if (dirname(dir) === dir) throw new Error('package.json of refonda not found');
  }
}

/** Why this Node.js cannot run Refonda, or undefined when it can. */
export function unsupportedRuntime(version: string, declaration: RuntimeDeclaration): string | undefined {
  if (semver.satisfies(version, declaration.engines)) return undefined;
  return (
    `Refonda needs Node.js ${declaration.engines} (package.json engines); this is ${version}. ` +
    `Run it through npm (npm start, npm run cli), which uses the Node.js ${declaration.pinned} that npm ci installs in node_modules/.bin.`
  );
}

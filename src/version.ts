// Which Broadsheet is running: the package version and a hash of its own code files. Caches are
// keyed by both, so a new release, or a local change to the generator, never serves results that
// older code rendered. The files hashed are the ones running: src/**/*.ts from the sources,
// lib/bundle/**/*.js bundled (with the dependencies bundled in), lib/src/**/*.js compiled (a stale
// lib/ is other code than src/, and gets another identity).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_EXTENSION, CODE_ROOT, PACKAGE_ROOT } from './installation.js';

const SOURCE_ROOT = fileURLToPath(CODE_ROOT);
const PACKAGE_JSON = fileURLToPath(new URL('package.json', PACKAGE_ROOT));

/** The package.json version ("0.1.0"), read synchronously when this module loads. */
export const VERSION: string = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;

let identity: string | undefined;

/** "0.1.0+<hash of the running code>": changes with the version and with any change to the generator's code. */
export function codeIdentity(): string {
  if (!identity) {
    const hash = createHash('sha1');
    const files = readdirSync(SOURCE_ROOT, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith(CODE_EXTENSION))
      .sort();
    for (const file of files) {
      hash.update(file);
      hash.update(readFileSync(path.join(SOURCE_ROOT, file)));
    }
    identity = `${VERSION}+${hash.digest('hex').slice(0, 12)}`;
  }
  return identity;
}

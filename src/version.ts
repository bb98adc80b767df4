// Which Broadsheet is running: the package version and a hash of its own source files. Caches are
// keyed by both, so a new release, or a local change to the generator, never serves results that
// older code rendered.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_ROOT = fileURLToPath(new URL('./', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

/** The package.json version ("0.1.0"), read synchronously when this module loads. */
export const VERSION: string = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;

let identity: string | undefined;

/** "0.1.0+<hash of src/**>": changes with the version and with any change to the generator's code. */
export function codeIdentity(): string {
  if (!identity) {
    const hash = createHash('sha1');
    const files = readdirSync(SOURCE_ROOT, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .sort();
    for (const file of files) {
      hash.update(file);
      hash.update(readFileSync(path.join(SOURCE_ROOT, file)));
    }
    identity = `${VERSION}+${hash.digest('hex').slice(0, 12)}`;
  }
  return identity;
}

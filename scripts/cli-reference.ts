// `node --import tsx scripts/cli-reference.ts` prints docs/cli.md as the CLI's definitions make it;
// with `--write` it rewrites docs/cli.md instead (after a change to scripts/cli/program.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import { cliReference } from './cli/reference.js';

const FILE = 'docs/cli.md';
const reference = cliReference();
if (process.argv.includes('--write')) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    // Not written yet.
  }
  if (current !== reference) writeFileSync(FILE, reference);
  console.log(current === reference ? `${FILE}: already current` : `${FILE}: rewritten`);
} else {
  process.stdout.write(reference);
}

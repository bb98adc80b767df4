// `node --import tsx scripts/config-reference.ts` prints docs/configuration.md's table of options,
// made from the config schema and its doc comments (src/config-schema.ts); with `--write` it rewrites the
// table in docs/configuration.md instead (after a change to an option).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configTable, withConfigTable } from './config-options.js';

const { values } = parseArgs({ options: { write: { type: 'boolean' }, doc: { type: 'string', default: 'docs/configuration.md' } } });
if (values.write) {
  const doc = readFileSync(values.doc, 'utf8');
  const updated = withConfigTable(doc);
  if (updated !== doc) writeFileSync(values.doc, updated);
  console.log(updated === doc ? `${values.doc}: table already current` : `${values.doc}: table rewritten`);
} else {
  console.log(configTable());
}

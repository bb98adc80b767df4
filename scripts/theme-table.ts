// `node --import tsx scripts/theme-table.ts` prints docs/theme.md's table of the theme's custom
// properties, made from templates/assets/style.css; with `--write` it rewrites the table in
// docs/theme.md instead (after a change to the stylesheet's :root).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { themeTable, withThemeTable } from './theme-properties.js';

const { values } = parseArgs({ options: { write: { type: 'boolean' }, doc: { type: 'string', default: 'docs/theme.md' } } });
if (values.write) {
  const doc = readFileSync(values.doc, 'utf8');
  const updated = withThemeTable(doc);
  if (updated !== doc) writeFileSync(values.doc, updated);
  console.log(updated === doc ? `${values.doc}: table already current` : `${values.doc}: table rewritten`);
} else {
  console.log(themeTable());
}

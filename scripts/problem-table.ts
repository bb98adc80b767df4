// `node --import tsx scripts/problem-table.ts` prints the README's table of problem codes;
// with `--write` it rewrites the table in README.md instead (after a change to the catalogue).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { problemTable, withProblemTable } from '../src/problems/table.js';

const { values } = parseArgs({ options: { write: { type: 'boolean' }, readme: { type: 'string', default: 'README.md' } } });
if (values.write) {
  const readme = readFileSync(values.readme, 'utf8');
  const updated = withProblemTable(readme);
  if (updated !== readme) writeFileSync(values.readme, updated);
  console.log(updated === readme ? `${values.readme}: table already current` : `${values.readme}: table rewritten`);
} else {
  console.log(problemTable());
}

// `node --import tsx scripts/problem-table.ts` prints docs/errors.md's reference of problem codes;
// with `--write` it rewrites the reference in docs/errors.md instead (after a change to the catalogue).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { problemTable, withProblemTable } from '../src/problems/table.js';

const { values } = parseArgs({ options: { write: { type: 'boolean' }, doc: { type: 'string', default: 'docs/errors.md' } } });
if (values.write) {
  const doc = readFileSync(values.doc, 'utf8');
  const updated = withProblemTable(doc);
  if (updated !== doc) writeFileSync(values.doc, updated);
  console.log(updated === doc ? `${values.doc}: reference already current` : `${values.doc}: reference rewritten`);
} else {
  console.log(problemTable());
}

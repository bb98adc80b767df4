// `node --import tsx scripts/problem-table.ts` prints docs/errors.md's reference of problem codes;
// with `--write` it rewrites the reference in docs/errors.md instead (after a change to the catalogue).

import { runGenerator } from './generated-docs.js';
import { problemTable, withProblemTable } from './problem-reference.js';

runGenerator({ page: 'docs/errors.md', name: 'reference', make: () => problemTable(), update: (doc) => withProblemTable(doc) });

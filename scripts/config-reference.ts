// `node --import tsx scripts/config-reference.ts` prints docs/configuration.md's table of options,
// made from the config schema and its doc comments (src/config-schema.ts); with `--write` it rewrites the
// table in docs/configuration.md instead (after a change to an option).

import { runGenerator } from './generated-docs.js';
import { configTable, withConfigTable } from './config-options.js';

runGenerator({ page: 'docs/configuration.md', name: 'table', make: () => configTable(), update: (doc) => withConfigTable(doc) });

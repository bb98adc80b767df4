// `node --import tsx scripts/theme-table.ts` prints docs/theme.md's table of the theme's custom
// properties, made from templates/assets/style.css; with `--write` it rewrites the table in
// docs/theme.md instead (after a change to the stylesheet's :root).

import { runGenerator } from './generated-docs.js';
import { themeTable, withThemeTable } from './theme-properties.js';

runGenerator({ page: 'docs/theme.md', name: 'table', make: () => themeTable(), update: (doc) => withThemeTable(doc) });

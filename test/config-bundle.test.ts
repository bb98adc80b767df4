// A TypeScript config bundled into one module in memory (src/config-bundle.ts), as the compiled
// CLI loads it without tsx's hooks: what the config then holds, which file a package import
// loads, and which configs are left to tsx. The CLI's own use of it is in test/cli.test.ts (a
// config importing another .ts file and a checkout's src/config.ts) and test/package.test.ts
// (a config importing 'broadsheet' from the installed package).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledConfig } from '../src/config-bundle.js';
import { makeSite } from './helpers/site.js';

/** The default export of the module `source` (a bundled config). */
async function evaluate(source: string): Promise<unknown> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { default?: unknown };
  return module.default;
}

/** A package in node_modules with an ES module for import, CommonJS for require, and a "module" build Node never loads. */
const PACKAGE = {
  'node_modules/headline-kit/package.json': JSON.stringify({
    name: 'headline-kit',
    main: './legacy.cjs',
    module: './bundler.mjs',
    exports: { '.': { import: './esm.mjs', require: './cjs.cjs' } },
  }),
  'node_modules/headline-kit/esm.mjs': "export const flavour = 'import';\n",
  'node_modules/headline-kit/cjs.cjs': "exports.flavour = 'require';\n",
  'node_modules/headline-kit/bundler.mjs': "export const flavour = 'module field';\n",
  'node_modules/headline-kit/legacy.cjs': "exports.flavour = 'main field';\n",
};

describe('a TypeScript config bundled without loader hooks', () => {
  it('holds what its own TypeScript imports, its top-level await and its package imports give, and knows its own file', async () => {
    const root = makeSite({
      ...PACKAGE,
      'package.json': '{ "type": "module" }',
      'config/title.ts': "export const title: string = 'Steppe Times';\n",
      'config/tagline.txt': 'News from the steppe',
      'site.config.ts': [
        "import { readFileSync } from 'node:fs';",
        "import { flavour } from 'headline-kit';",
        "import { title } from './config/title.ts';",
        'const pageSize: number = await Promise.resolve(12);',
        "const description = readFileSync(new URL('./config/tagline.txt', import.meta.url), 'utf8');",
        'export default { title, pageSize, description, language: flavour, folder: import.meta.dirname };',
        '',
      ].join('\n'),
    });
    const source = await bundledConfig(path.join(root, 'site.config.ts'), 1);
    expect(source).toBeDefined();
    expect(await evaluate(source!)).toEqual({ title: 'Steppe Times', pageSize: 12, description: 'News from the steppe', language: 'import', folder: root });
    // The package is imported from its file, where Node finds it: not copied into the bundle.
    expect(source).toContain(JSON.stringify(pathToFileURL(path.join(root, 'node_modules/headline-kit/esm.mjs')).href));
  });

  it('is a new module when the file changes, even if it bundles to the same code', async () => {
    const root = makeSite({ 'site.config.ts': "export default { title: 'Steppe Times' };\n" });
    const first = await bundledConfig(path.join(root, 'site.config.ts'), 1);
    const second = await bundledConfig(path.join(root, 'site.config.ts'), 2);
    expect(first).not.toEqual(second);
    expect(await evaluate(second!)).toEqual({ title: 'Steppe Times' });
  });

  it('bundles a config written as CommonJS: its require() of a .ts file, of a package (the require build) and of node:path, and its __dirname', async () => {
    const root = makeSite({
      ...PACKAGE,
      'title.ts': "export const title: string = 'Steppe Times';\n",
      'site.config.ts': [
        "const { title } = require('./title.ts');",
        "const path = require('node:path');",
        "const { flavour } = require('headline-kit');",
        'module.exports = { title, language: flavour, folder: path.basename(__dirname), file: path.basename(__filename) };',
        '',
      ].join('\n'),
    });
    const source = await bundledConfig(path.join(root, 'site.config.ts'), 1);
    expect(await evaluate(source!)).toEqual({ title: 'Steppe Times', language: 'require', folder: path.basename(root), file: 'site.config.ts' });
  });

  it('leaves to tsx a config with a syntax error, an import of a package that is not installed, or an import() of a computed path', async () => {
    const root = makeSite({
      'broken.config.ts': "export default { title: 'A' \n  baseUrl: 'https://news.example/' };\n",
      'missing.config.ts': "import pad from 'left-pad';\nexport default { title: pad('A', 3) };\n",
      'computed.config.ts': "const name = './parts/' + 'title.ts';\nconst { title } = await import(name);\nexport default { title };\n",
    });
    for (const file of ['broken.config.ts', 'missing.config.ts', 'computed.config.ts']) {
      expect(await bundledConfig(path.join(root, file), 1), file).toBeUndefined();
    }
  });
});

// A TypeScript config made into one plain ES module in memory, so that the compiled CLI can load
// it without loader hooks. tsx's hooks (config-import.ts) work for any config, but once they are
// registered every module Node loads afterwards goes through them, on their own thread: a build
// that loads its Markdown stack, templates and feeds after the config paid ~0.35 s for it, a
// fifth of publishing one article into a 10,000-article site.
//
// esbuild bundles the config with the files it imports by path (TypeScript, JavaScript, JSON);
// a package it imports stays an import, of the file Node itself would load for it from the
// config's folder (the "import" and "node" conditions, "main" without an "exports" map), so
// `import { defineConfig } from 'broadsheet'` imports the very modules already running.
// `import.meta.url`, `.filename` and `.dirname` say the config file's own, in every file bundled.
//
// A config written as CommonJS (module.exports, require()) is bundled too; its require() of a
// package or a built-in module is Node's require from the config's folder, and __dirname and
// __filename are the config's.
//
// A config esbuild cannot bundle whole gets undefined, and the caller loads it through tsx as
// before, with the errors users know: a syntax error, an import of a package that is not
// installed, an import() of a computed path.

import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Configs being bundled in this process just now. */
let bundling = 0;

/**
 * The config file `file` bundled as one ES module's source, with a comment naming `mtimeMs` so
 * that a changed file is a new module even when it bundles to the same code (the dev server loads
 * the config again when it changes, and a config may read other files as it runs). Undefined when
 * the config needs tsx's hooks (see the top of this file).
 */
export async function bundledConfig(file: string, mtimeMs: number): Promise<string | undefined> {
  const esbuild = await import('esbuild');
  const url = pathToFileURL(file).href;
  bundling++;
  try {
    const result = await esbuild.build({
      entryPoints: [file],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      logLevel: 'silent',
      // An import() or require() of a computed path is left for Node to resolve from the module
      // in memory, which cannot: a warning, so that such a config goes to tsx.
      logOverride: { 'unsupported-dynamic-import': 'warning', 'unsupported-require-call': 'warning' },
      // As Node resolves: no "module" condition, no "module" field.
      conditions: [],
      mainFields: ['main'],
      define: {
        'import.meta.url': JSON.stringify(url),
        'import.meta.filename': JSON.stringify(file),
        'import.meta.dirname': JSON.stringify(path.dirname(file)),
        // Only where the code does not declare its own (esbuild replaces free identifiers).
        __filename: JSON.stringify(file),
        __dirname: JSON.stringify(path.dirname(file)),
      },
      plugins: [packagesWhereNodeFindsThem],
    });
    if (result.warnings.length > 0) return undefined;
    const inputs = Object.values(result.metafile.inputs);
    const commonJs = inputs.some((input) => input.format === 'cjs' || input.imports.some((entry) => entry.kind === 'require-call'));
    // esbuild's require() in an ES module calls the `require` in scope: Node's, from the config's folder.
    const prelude = commonJs ? `import { createRequire as __broadsheetCreateRequire } from 'node:module';\nvar require = __broadsheetCreateRequire(${JSON.stringify(url)});\n` : '';
    return `${prelude}${result.outputFiles[0]!.text}//# broadsheet-config-mtime=${mtimeMs}\n`;
  } catch {
    // Not bundled (a syntax error, an unresolved import): tsx loads it and says what is wrong.
    return undefined;
  } finally {
    // esbuild's service process is not needed again until the config changes (or another
    // config, loaded at the same time in this process, is done).
    if (--bundling === 0) await esbuild.stop();
  }
}

/**
 * Each package import becomes an import of the file URL Node would load for it (a module made
 * from memory cannot find packages by name); built-in modules stay as they are.
 */
const packagesWhereNodeFindsThem = {
  name: 'packages-where-node-finds-them',
  setup(build: import('esbuild').PluginBuild) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === INNER || isBuiltin(args.path) || path.isAbsolute(args.path)) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: INNER });
      if (found.errors.length > 0 || !path.isAbsolute(found.path)) throw new Error(`cannot resolve ${args.path}`);
      // TypeScript Node could not load (a tsconfig "paths" alias to the site's own files) is bundled.
      if (TYPESCRIPT.test(found.path)) return { path: found.path };
      // require() takes a path; import, a URL.
      return { path: args.kind === 'require-call' ? found.path : pathToFileURL(found.path).href, external: true };
    });
  },
};

const TYPESCRIPT = /\.[cm]?tsx?$/;

/** Marks the plugin's own resolve call, so it is not handled again. */
const INNER = Symbol('inner resolve');

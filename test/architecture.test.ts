// The shape of src/ that the README's Architecture section promises: stage folders, no import
// circles, no file over 300 lines (the rule for one concept per module), and worker threads that load only what their jobs use.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Every .ts file of src/, relative to it. */
function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Each file's imports of other src/ files (static and dynamic, type-only ones included), relative to src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!)).replace(/\.js$/, '.ts');
      targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Files reachable from `start` through imports that are not type-only. */
function runtimeClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(SRC, file), 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!)).replace(/\.js$/, '.ts'));
    }
  };
  visit(start);
  return seen;
}

/**
 * src/ from the top down, one row per layer: a folder (its files together) or a file of src/'s own.
 * The drivers on top, then the pipeline that sequences the stages, the stages in the order data
 * flows back up from the bottom (each may use those below it), the disk layer, and the leaves
 * everything shares.
 */
const LAYERS: readonly string[][] = [
  ['index.ts'],
  ['dev/', 'authoring/'],
  ['build.ts'],
  ['pipeline/'],
  ['search/'],
  ['workers/'],
  ['pages/'],
  ['model/'],
  ['render/'],
  ['images/'],
  ['load/'],
  ['config.ts', 'config-schema.ts', 'config-import.ts', 'config-watchdog.ts', 'config-bundle.ts', 'config-folders.ts', 'languages.ts'],
  ['report.ts', 'timing.ts'],
  ['write/'],
  ['types/', 'dates.ts', 'date-display.ts', 'slugs.ts', 'urls.ts', 'escape.ts', 'version.ts', 'installation.ts', 'bounded-tasks.ts', 'lower-bound.ts'],
  ['problems/', 'visible-text.ts'],
];

/** The layer unit a file of src/ belongs to: its top folder ("pages/"), or the file itself. */
function unitOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? file : file.slice(0, slash + 1);
}

describe('src/ as a pipeline', () => {
  it('has one folder per stage, in the order data flows', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    for (const stage of ['load', 'render', 'model', 'pages', 'pipeline', 'write', 'workers', 'dev', 'authoring']) expect(folders).toContain(stage);
  });

  it('puts every folder and file of src/ in one layer', () => {
    const units = new Set(sourceFiles().map(unitOf));
    const placed = LAYERS.flat();
    expect([...units].filter((unit) => !placed.includes(unit))).toEqual([]);
    expect(placed.filter((unit) => !units.has(unit))).toEqual([]);
  });

  it('imports only downward: no layer uses one above it', () => {
    const layerOf = new Map(LAYERS.flatMap((row, depth) => row.map((unit) => [unit, depth] as const)));
    const upward: string[] = [];
    for (const [file, targets] of importGraph()) {
      for (const target of targets) {
        if ((layerOf.get(unitOf(target)) ?? Infinity) < (layerOf.get(unitOf(file)) ?? Infinity)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no two folders or files of src/ importing each other', () => {
    const uses = new Set<string>();
    for (const [file, targets] of importGraph()) for (const target of targets) if (unitOf(file) !== unitOf(target)) uses.add(`${unitOf(file)} ${unitOf(target)}`);
    const pairs = [...uses].filter((pair) => pair.split(' ')[0]! < pair.split(' ')[1]! && uses.has(pair.split(' ').reverse().join(' ')));
    expect(pairs).toEqual([]);
  });

  it('has no import circles', () => {
    const graph = importGraph();
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') circles.push([...stack.slice(stack.indexOf(target)), target].join(' -> '));
        else if (!state.has(target) && graph.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('has no module over 300 lines', () => {
    const long = sourceFiles().filter((file) => readFileSync(path.join(SRC, file), 'utf8').trimEnd().split('\n').length > 300);
    expect(long).toEqual([]);
  });

  it('gives every export a doc comment saying its contract (re-export lines aside)', () => {
    const undocumented: string[] = [];
    for (const file of sourceFiles()) {
      const lines = readFileSync(path.join(SRC, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!/^export (async )?(function|class|interface|type \w|const|let|abstract class|default)/.test(line)) return;
        if (!(lines[i - 1] ?? '').trim().endsWith('*/')) undocumented.push(`${file}:${i + 1}`);
      });
    }
    expect(undocumented).toEqual([]);
  });

  it('loads in a worker thread only what its jobs use: no pool, no writers of the main thread, no dev server', () => {
    const loaded = [...runtimeClosure('workers/entry.ts')];
    expect(loaded).toContain('render/markdown.ts');
    expect(loaded).toContain('pages/render-page.ts');
    const unwanted = loaded.filter((file) => /^(workers\/pool|write\/(outputs|pages|context|manifest)|dev\/|build)/.test(file));
    expect(unwanted).toEqual([]);
  });
});

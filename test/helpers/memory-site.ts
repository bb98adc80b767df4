// Test helper: a whole build, in-process, of a tiny site written inline, its output kept in memory.
// The inputs go to a temp folder (the config loader imports site.config.ts from disk); the pages,
// feeds and sitemaps never touch the disk.

import * as cheerio from 'cheerio';
import { build, type BuildOptions, type BuildResult } from '../../src/build.js';
import { BuildFailure, type Problem } from '../../src/problems/index.js';
import { MemoryWriter } from '../../src/write/memory-writer.js';
import { makeSite } from './site.js';

/** How a build ended: a BuildFailure is a result (`ok: false` with its problems), not a throw. */
export interface BuildOutcome {
  ok: boolean;
  /** What stopped the build (errors, and the warnings found with them); empty when `ok`. */
  problems: readonly Problem[];
  /** Warnings of a build that succeeded. */
  warnings: readonly Problem[];
  /** What build() returned, when `ok`. */
  result: BuildResult | undefined;
}

export interface MemoryBuild extends BuildOutcome {
  /** The site folder the inputs were written to. */
  root: string;
  /** Every file of the built site by its path in the output folder ("index.html", "tags/x/feed.xml"); empty unless `ok`. */
  outputs: Map<string, string>;
  /** The page served at a site path ("/", "/topics/culture/", "/404.html"), parsed. Throws if the site has no such page. */
  page(url: string): cheerio.CheerioAPI;
}

export type MemoryBuildOptions = Omit<BuildOptions, 'root' | 'writer'>;

/**
 * Build a site from `files` (path in the site -> text), e.g.
 *
 *   const site = await buildInMemory({
 *     'site.config.ts': "export default { title: 'T' };\n",
 *     'content/2025/12/a.md': '---\ntitle: A\ndate: 2025-12-01\n---\nBody',
 *     'templates/home.liquid': '...',
 *   }, { now: Date.parse('2026-01-01') });
 *   expect(site.page('/')('h1').text()).toBe('T');
 *
 * Runs build() from src/build.ts in this process with a MemoryWriter. Defaults differ from a user's
 * build in two ways, both overridable through `options`: `cache: false` (nothing is read from or
 * written to .cache/) and `threads: 1` (no worker threads; test/cache.test.ts covers them). Pass
 * `now` for a fixed build time; without it the build takes SOURCE_DATE_EPOCH, else the clock.
 */
export async function buildInMemory(files: Record<string, string | Uint8Array>, options: MemoryBuildOptions = {}): Promise<MemoryBuild> {
  return buildFolderInMemory(makeSite(files), options);
}

/** buildInMemory for a site folder already on disk (the dev tests' clean reference build). */
export async function buildFolderInMemory(root: string, options: MemoryBuildOptions = {}): Promise<MemoryBuild> {
  const writer = new MemoryWriter();
  const outcome = await tryBuild({ cache: false, threads: 1, ...options, root, writer });
  const outputs = new Map<string, string>();
  if (outcome.ok) {
    const decoder = new TextDecoder();
    for (const file of [...writer.contents.keys()].sort()) {
      const content = writer.contents.get(file)!;
      outputs.set(file, typeof content === 'string' ? content : decoder.decode(content));
    }
  }
  return { ...outcome, root, outputs, page: (url) => parsePage(outputs, url) };
}

/**
 * Run build() with `options` as given (the default writer writes dist/), catching only a
 * BuildFailure: any other error is a bug in Broadsheet and fails the test.
 */
export async function tryBuild(options: BuildOptions): Promise<BuildOutcome> {
  try {
    const result = await build(options);
    return { ok: true, problems: [], warnings: result.warnings, result };
  } catch (error) {
    if (error instanceof BuildFailure) return { ok: false, problems: error.problems, warnings: [], result: undefined };
    throw error;
  }
}

/** The page served at a site path, from a build's outputs, parsed. */
export function parsePage(outputs: ReadonlyMap<string, string>, url: string): cheerio.CheerioAPI {
  const file = (url.endsWith('/') ? `${url}index.html` : url).replace(/^\//, '');
  const html = outputs.get(file);
  if (html === undefined) throw new Error(`the site has no ${file}; it has ${[...outputs.keys()].slice(0, 20).join(', ')}...`);
  return cheerio.load(html);
}

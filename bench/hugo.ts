// The anchors: Hugo on the bench's corpus (bench/anchors/hugo by default, `--hugo-site DIR`:
// pages, topic and tag lists, pagination by 20, with the corpus as content/posts), and for a site
// with search, Pagefind's CLI over Hugo's public/ afterwards (the anchor's article pages mark
// their text data-pagefind-body, so Pagefind indexes the articles, as Broadsheet's search does).
// Pagefind is the binary of the pagefind package Broadsheet itself uses, found as that package
// finds it. Timed by the same measure as our builds (timed.ts), in the same bench run, so the
// ratios hold on a noisy machine.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Graveyard } from './graveyard.js';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedRun, type TimedRun } from './timed.js';

/** One anchor build: wall and CPU seconds, peak memory MB, and pages (HTML written, or indexed). */
export interface AnchorRun {
  seconds: number;
  cpu: number;
  peakMb: number;
  pages: number;
}

/** Hugo's clean builds of the same corpus, each followed by Pagefind's CLI when it is there. */
export interface HugoResult {
  version: string;
  /** The pagefind package's version, when its binary was found. */
  pagefind?: string;
  runs: Array<{ hugo: AnchorRun; pagefind?: AnchorRun }>;
}

/** The anchors ready to build: the Hugo site, and Pagefind's binary when the package has one. */
export interface Anchors {
  site: HugoSite;
  pagefind?: { path: string; version: string };
}

/**
 * The anchors for `content` (a copy of the anchor site `anchor` in `dir`), when Hugo is installed
 * and the anchor site exists; undefined otherwise, with the reason logged.
 */
export function prepareAnchors(anchor: string, content: string, dir: string, graveyard: Graveyard, log: (line: string) => void): Anchors | undefined {
  const version = hugoVersion();
  if (!version) {
    log('(hugo is not installed: `apt-get install -y hugo` to compare with Hugo)');
    return undefined;
  }
  if (!existsSync(anchor)) {
    log(`(no Hugo site at ${anchor}: skipping the comparison with Hugo)`);
    return undefined;
  }
  const pagefind = pagefindBinary();
  if (!pagefind) log('(no pagefind binary in node_modules: Hugo alone, without Pagefind; run npm ci)');
  return { site: prepareHugo(anchor, content, dir, version, graveyard), pagefind };
}

/** One clean Hugo build, then Pagefind's CLI over its public/ (run `run`, counted from 0, for the log). */
export async function buildAnchors(anchors: Anchors, run: number, log: (line: string) => void): Promise<HugoResult['runs'][number]> {
  const anchorRun = (timed: TimedRun & { pages: number }): AnchorRun => ({ seconds: timed.wall, cpu: timed.cpu, peakMb: timed.peakMb, pages: timed.pages });
  const hugo = anchorRun(await buildHugo(anchors.site));
  log(`hugo clean build ${run + 1}: ${hugo.seconds.toFixed(2)} s, CPU ${hugo.cpu.toFixed(1)} s, peak ${hugo.peakMb.toFixed(0)} MB`);
  if (!anchors.pagefind) return { hugo };
  const pagefind = anchorRun(await indexHugo(anchors.site, anchors.pagefind.path));
  log(`pagefind --site public ${run + 1}: ${pagefind.seconds.toFixed(2)} s, CPU ${pagefind.cpu.toFixed(1)} s, peak ${pagefind.peakMb.toFixed(0)} MB, ${pagefind.pages} pages indexed`);
  return { hugo, pagefind };
}

/** A Hugo site ready to build: its folder and version line. */
export interface HugoSite {
  dir: string;
  version: string;
  /** Where its last build's trees go (graveyard.ts). */
  graveyard: Graveyard;
}

/** Hugo's version line, or undefined when `hugo` is not installed. */
export function hugoVersion(): string | undefined {
  const child = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (child.status !== 0) return undefined;
  return /v(\d+\.\d+\.\d+)/.exec(child.stdout)?.[1] ?? child.stdout.trim();
}

/** Copy the anchor site to `dir` with `content` (our content folder) as its posts. */
export function prepareHugo(anchor: string, content: string, dir: string, version: string, graveyard: Graveyard): HugoSite {
  graveyard.bury(dir);
  cpSync(anchor, dir, { recursive: true });
  cpSync(content, path.join(dir, 'content', 'posts'), { recursive: true });
  return { dir, version, graveyard };
}

/** One clean Hugo build (no public/, no resources/): its cost and the HTML pages it wrote. */
export async function buildHugo(site: HugoSite): Promise<TimedRun & { pages: number }> {
  // Set aside, not deleted, as Broadsheet's trees are (graveyard.ts).
  for (const folder of ['public', 'resources', '.hugo_build.lock']) site.graveyard.bury(path.join(site.dir, folder));
  const run = await timedRun('hugo', ['--quiet'], site.dir);
  return { ...run, pages: countHtml(path.join(site.dir, 'public')) };
}

/**
 * The pagefind executable the pagefind package runs (PAGEFIND_BINARY_PATH, else the extended
 * binary of its platform package, else the plain one), as its resolveBinary.js finds it; with the
 * package's version. Undefined when there is none.
 */
export function pagefindBinary(): { path: string; version: string } | undefined {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const require = createRequire(main);
  const version = (JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const fromEnv = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnv) return { path: fromEnv, version };
  const system = platform() === 'win32' ? 'windows' : platform();
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return { path: require.resolve(`@pagefind/${system}-${arch()}/bin/${name}${system === 'windows' ? '.exe' : ''}`), version };
    } catch {
      // Not this one: try the next.
    }
  }
  return undefined;
}

/**
 * Pagefind's CLI over the Hugo site's public/ (after buildHugo), as `npx pagefind --site public`
 * runs it: its cost and the pages it indexed (from the index it wrote).
 */
export async function indexHugo(site: HugoSite, binary: string): Promise<TimedRun & { pages: number }> {
  rmSync(path.join(site.dir, 'public', 'pagefind'), { recursive: true, force: true });
  const run = await timedRun(binary, ['--site', 'public', '--silent'], site.dir);
  return { ...run, pages: indexedPages(path.join(site.dir, 'public', 'pagefind', 'pagefind-entry.json')) };
}

/** Pages in a Pagefind index, from its pagefind-entry.json (every language's page_count). */
export function indexedPages(entryFile: string): number {
  if (!existsSync(entryFile)) return 0;
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

function countHtml(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

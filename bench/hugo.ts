// Hugo on the bench's corpus: an anchor site (bench/anchors/hugo by default, `--hugo-site DIR`:
// pages, topic and tag lists, pagination by 20) with the corpus as
// content/posts. Timed by the same measure as our builds (timed.ts), in the same bench run, so
// the ratios hold on a noisy machine.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { timedRun, type TimedRun } from './timed.js';

/** A Hugo site ready to build: its folder and version line. */
export interface HugoSite {
  dir: string;
  version: string;
}

/** Hugo's version line, or undefined when `hugo` is not installed. */
export function hugoVersion(): string | undefined {
  const child = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (child.status !== 0) return undefined;
  return /v(\d+\.\d+\.\d+)/.exec(child.stdout)?.[1] ?? child.stdout.trim();
}

/** Copy the anchor site to `dir` with `content` (our content folder) as its posts. */
export function prepareHugo(anchor: string, content: string, dir: string, version: string): HugoSite {
  rmSync(dir, { recursive: true, force: true });
  cpSync(anchor, dir, { recursive: true });
  cpSync(content, path.join(dir, 'content', 'posts'), { recursive: true });
  return { dir, version };
}

/** One clean Hugo build (no public/, no resources/): its cost and the HTML pages it wrote. */
export function buildHugo(site: HugoSite): TimedRun & { pages: number } {
  for (const folder of ['public', 'resources', '.hugo_build.lock']) rmSync(path.join(site.dir, folder), { recursive: true, force: true });
  const run = timedRun('hugo', ['--quiet'], site.dir);
  return { ...run, pages: countHtml(path.join(site.dir, 'public')) };
}

function countHtml(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

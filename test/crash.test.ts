// A build killed at any instant (SIGKILL of its whole process group: no cleanup runs, Pagefind's
// process dies with it) leaves dist/ one whole site, the old one or the new one, never a mix, and
// the very next build recovers by itself. Kills are aimed, not timed: BROADSHEET_KILL_AT
// (src/write/failpoints.ts) makes the build kill its own group at the n-th pass of a named point,
// from writing the new site's first file to saving the cache after the swap. Each build runs in
// a process group of its own, and the test goes on only once every process of it has ended.

import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { asideFiles, digests, snapshot } from './helpers/output.js';
import { runBuildGroup } from './helpers/processes.js';
import { article, makeSite, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const ENV = { SOURCE_DATE_EPOCH: String(NOW / 1000) };
const CONFIG = `export default { title: 'Crash Times', baseUrl: 'https://crash.example/', pageSize: 5 };\n`;

// site.config.mjs, not .ts: the CLI then loads no TypeScript loader (a fifth of a small build's
// CPU), and the config's format is not what these tests are about.
/** Version 1: articles 0-29. Version 2: 0-4 deleted, 30-34 added, every third body edited. */
function siteFiles(version: 1 | 2): Record<string, string> {
  const files: Record<string, string> = { 'site.config.mjs': CONFIG };
  const [from, to] = version === 1 ? [0, 30] : [5, 35];
  for (let i = from; i < to; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const body = version === 2 && i % 3 === 0 ? `Edited body of article ${i}.` : `Body of article ${i}.`;
    files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-${day} ${String(i % 24).padStart(2, '0')}:00`, topic: ['Politics', 'Culture', 'Economy'][i % 3]!, tags: `[Tag ${i % 7}]` }, body);
  }
  return files;
}

/** Put `version`'s content into the site (files of the other version removed). */
function useVersion(root: string, version: 1 | 2): void {
  const wanted = siteFiles(version);
  for (const file of Object.keys(siteFiles(version === 1 ? 2 : 1))) if (!(file in wanted)) rmSync(path.join(root, file), { force: true });
  writeFiles(root, wanted);
}

/**
 * Where kills are aimed, in the order a build passes them: while the new site is written, as the
 * commit starts, in the middle of it (deleting what the new site lacks, hard-linking what it
 * keeps), around the swap, and while the indexes are saved after it.
 */
const AIMS = ['output-write#1', 'output-write#12', 'commit', 'commit-step#6', 'swapping', 'swapped', 'index-write#2'];
/** Aims past the swap: the new site is in place. */
const AFTER_SWAP = new Set(['swapped', 'index-write#2']);
/** Eight builds in a row: room for a machine shared with other work (a guard against a hang, not a speed test). */
const TIMEOUT_MS = 240_000;

let site: string;
let versions: Record<1 | 2, Record<string, string>>;

beforeAll(async () => {
  // The two whole sites, built apart: after every kill, dist/ must be exactly one of them.
  const other = makeSite(siteFiles(2));
  await build({ root: other, now: NOW });
  site = makeSite(siteFiles(1));
  await build({ root: site, now: NOW });
  versions = { 1: digests(path.join(site, 'dist')), 2: digests(path.join(other, 'dist')) };
});

describe('a build killed at any instant', () => {
  it.runIf(process.platform === 'linux')('leaves dist/ one whole site, old or new, and the next build recovers', async () => {
    const dist = path.join(site, 'dist');
    expect(Object.keys(versions[1]).length).toBeGreaterThan(100);
    let shown: 1 | 2 = 1;
    for (const aim of AIMS) {
      const next = shown === 1 ? 2 : 1;
      useVersion(site, next);
      const before = snapshot(dist);
      const run = await runBuildGroup(site, ['--quiet'], { ...ENV, BROADSHEET_KILL_AT: aim });
      expect(run.signal, `${aim} was never reached: ${run.stderr}`).toBe('SIGKILL');
      const now = digests(dist);
      const whole = ([1, 2] as const).find((version) => JSON.stringify(now) === JSON.stringify(versions[version]));
      expect(whole, `killed at ${aim}, dist/ is a mix`).toBeDefined();
      expect(whole, `killed at ${aim}`).toBe(AFTER_SWAP.has(aim) ? next : shown);
      // Still the old site: not one byte or mtime of it touched.
      if (whole === shown) expect(snapshot(dist), `killed at ${aim}`).toEqual(before);
      shown = whole!;
    }

    // The next build, not killed, finishes the job by itself and leaves nothing behind.
    useVersion(site, shown === 1 ? 2 : 1);
    const last = await runBuildGroup(site, ['--quiet'], ENV);
    expect(last.code, last.stderr).toBe(0);
    expect(digests(dist)).toEqual(versions[shown === 1 ? 2 : 1]);
    expect(asideFiles(site)).toEqual([]);
    expect(readdirOrEmpty(path.join(site, '.cache')).filter((name) => name.startsWith('build.lock'))).toEqual([]);
    expect(readdirOrEmpty(path.join(site, '.dist.builds')).sort()).toEqual(['a', 'b', 'ledger.json']);
  }, TIMEOUT_MS);
});

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// A build killed at any instant (SIGKILL: no cleanup runs) leaves dist/ one whole site, the old one
// or the new one, never a mix; the next build recovers by itself. Real `broadsheet build`
// processes are killed at points of their commit that BROADSHEET_COMMIT_PAUSE_MS marks on stderr
// (and slows down, 2 ms a step, so that a kill can land inside it).

import { spawn } from 'node:child_process';
import { lstatSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { asideFiles, digests, snapshot } from './helpers/output.js';
import { article, makeSite, REPO, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const CONFIG = `export default { title: 'Crash Times', baseUrl: 'https://crash.example/', pageSize: 10 };\n`;

/** Version 1: articles 0-199. Version 2: 0-9 deleted, 200-209 added, every third body edited. */
function siteFiles(version: 1 | 2): Record<string, string> {
  const files: Record<string, string> = { 'site.config.ts': CONFIG };
  const [from, to] = version === 1 ? [0, 200] : [10, 210];
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

/** Where a kill is aimed: `delay` ms after the build's mark (or after it was spawned). */
type Aim = { mark: 'spawned' | 'started' | 'swapping' | 'swapped'; delay: number };

/** Spawn `broadsheet build` and SIGKILL it where `aim` says (never, with no aim). */
function buildKilled(root: string, aim?: Aim): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', '--quiet'], {
      cwd: root,
      env: { ...process.env, SOURCE_DATE_EPOCH: String(NOW / 1000), BROADSHEET_COMMIT_PAUSE_MS: aim ? '2' : '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const kill = () => setTimeout(() => child.kill('SIGKILL'), aim!.delay);
    if (aim?.mark === 'spawned') kill();
    child.stderr.on('data', (chunk: Buffer) => {
      if (aim && chunk.toString().includes(`commit ${aim.mark}`)) kill();
    });
    child.on('exit', (_, signal) => resolve(signal === 'SIGKILL' ? 'killed' : 'finished'));
  });
}

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
  it('leaves dist/ one whole site, old or new, and the next build recovers', async () => {
    const dist = path.join(site, 'dist');
    expect(Object.keys(versions[1]).length).toBeGreaterThan(300);
    // While rendering, as the commit starts and in the middle of it (a few hundred steps of ~2 ms:
    // deleting what the new site lacks, hard-linking what it keeps), around the swap, just after it.
    const aims: Aim[] = [
      { mark: 'spawned', delay: 400 },
      { mark: 'started', delay: 0 },
      { mark: 'started', delay: 80 },
      { mark: 'swapping', delay: 0 },
      { mark: 'swapping', delay: 3 },
      { mark: 'swapped', delay: 0 },
    ];
    const seen: string[] = [];
    let shown: 1 | 2 = 1;
    for (const aim of aims) {
      useVersion(site, shown === 1 ? 2 : 1);
      const before = snapshot(dist);
      const outcome = await buildKilled(site, aim);
      const now = digests(dist);
      const whole = ([1, 2] as const).find((version) => JSON.stringify(now) === JSON.stringify(versions[version]));
      expect(whole, `killed ${aim.delay} ms after "${aim.mark}" (${outcome}), dist/ is a mix`).toBeDefined();
      // Still the old site: not one byte or mtime of it touched.
      if (whole === shown) expect(snapshot(dist)).toEqual(before);
      seen.push(`${aim.mark}+${aim.delay}: ${whole === shown ? 'old' : 'new'}`);
      shown = whole!;
    }
    // The kills landed both before the swap and after it.
    expect(seen.some((entry) => entry.endsWith('old')), seen.join(' ')).toBe(true);
    expect(seen.some((entry) => entry.endsWith('new')), seen.join(' ')).toBe(true);

    // The next build, not killed, finishes the job by itself and leaves nothing behind.
    useVersion(site, 2);
    expect(await buildKilled(site)).toBe('finished');
    expect(digests(dist)).toEqual(versions[2]);
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(site, '.dist.builds/swap'), { throwIfNoEntry: false })).toBeUndefined();
    expect(lstatSync(path.join(site, '.cache/build.lock'), { throwIfNoEntry: false })).toBeUndefined();
    expect(asideFiles(site)).toEqual([]);
  });
});

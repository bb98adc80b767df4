// The machine's errors, not the content's: a full disk, a folder this user may not write, a
// read-only file system, too many open files. Each is one line naming the path and what to do,
// exit code 1, no stack trace, the previous dist/ exactly as it was (bytes and mtimes), and nothing
// half-written left behind: no aside files, no files of the failed build in the spare tree, the
// cache index as it was. The errors are injected where the operating system would raise them
// (BROADSHEET_FAILPOINT, src/write/failpoints.ts); the README quotes the same lines from a real
// full tmpfs, a read-only mount and `ulimit -n`.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { asideFiles, snapshot } from './helpers/output.js';
import { article, makeSite, runCli } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const UNCHANGED = 'The output folder is unchanged.';

// site.config.mjs, not .ts: the CLI then loads no TypeScript loader (a fifth of a small build's
// CPU), and the config's format is not what these tests are about.
function siteFiles(): Record<string, string> {
  const files: Record<string, string> = { 'site.config.mjs': `export default { title: 'Disk Times', pageSize: 3 };\n` };
  for (let i = 0; i < 6; i++) files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-0${1 + i} 10:00`, tags: `[Tag ${i % 2}]` });
  return files;
}

/** A site built once, then edited and built again with `failpoint` (BROADSHEET_FAILPOINT) set. */
async function failingRebuild(failpoint: string, args: string[] = []) {
  const root = makeSite(siteFiles());
  await build({ root, now: NOW });
  const dist = path.join(root, 'dist');
  const before = snapshot(dist);
  const index = readFileSync(path.join(root, '.cache/articles.json'), 'utf8');
  writeFileSync(path.join(root, 'content/2025/12/a0.md'), article({ title: 'Article 0, edited', date: '2025-12-01 10:00', tags: '[Tag 0]' }, 'A new body.'));
  const result = await runCli(['build', ...args], root, { BROADSHEET_FAILPOINT: failpoint, SOURCE_DATE_EPOCH: String(NOW / 1000) });
  return { root, dist, result, before, index };
}

/** The failure is one line, exit code 1, and no stack trace. */
function expectOneLine(result: { code: number; stderr: string }, line: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr.trimEnd()).toMatch(line);
}

/** Nothing of the failed build is left: dist/ as it was, no aside files, only the live tree in .dist.builds/. */
function expectNothingLeft(run: Awaited<ReturnType<typeof failingRebuild>>): void {
  expect(snapshot(run.dist)).toEqual(run.before);
  expect(asideFiles(run.root)).toEqual([]);
  // The live tree only (beside the ledger, when the failure came before any write into the spare tree).
  expect(readdirSync(path.join(run.root, '.dist.builds')).filter((name) => name !== 'ledger.json')).toEqual(['a']);
  expect(readFileSync(path.join(run.root, '.cache/articles.json'), 'utf8')).toBe(run.index);
  expect(existsSync(path.join(run.root, '.cache/build.lock'))).toBe(false);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.concurrent('an operating-system error while writing the new site', () => {
  const cases: Array<{ code: string; at: string; args?: string[]; says: string }> = [
    { code: 'ENOSPC', at: 'index.html', says: 'No space left on the disk holding .dist.builds/b/FILE (ENOSPC). Free some space, then build again.' },
    { code: 'EACCES', at: '.dist.builds', says: 'Permission denied: this user may not write .dist.builds/b/FILE (EACCES). Give it write access (check with ls -ld), or build into another folder with --out.' },
    { code: 'EPERM', at: '.dist.builds', says: 'Permission denied: this user may not write .dist.builds/b/FILE (EPERM). Give it write access (check with ls -ld), or build into another folder with --out.' },
    { code: 'EROFS', at: '.dist.builds', says: '.dist.builds/b/FILE is on a read-only file system (EROFS). Remount it read-write, or build into another folder with --out.' },
    { code: 'EMFILE', at: '.dist.builds', says: 'Too many open files in this process, opening .dist.builds/b/FILE (EMFILE). Raise the limit (ulimit -n 4096), then build again.' },
    // On a worker thread, writing an article's body to the cache: the code survives the thread boundary.
    { code: 'ENOSPC', at: 'bodies', args: ['--threads', '2'], says: 'No space left on the disk holding .cache/bodies/FILE (ENOSPC). Free some space, then build again.' },
  ];
  for (const c of cases) {
    it(`${c.code} at ${c.at}${c.args ? ` (${c.args.join(' ')})` : ''}: one line, exit 1, dist/ untouched, nothing half-written`, async () => {
      const run = await failingRebuild(`${c.code}@${c.at}`, c.args);
      const line = new RegExp(`^Build failed: ${escape(c.says).replace('FILE', '[^ ]+')} ${escape(UNCHANGED)}$`);
      expectOneLine(run.result, line);
      expectNothingLeft(run);
    });
  }
});

describe('an operating-system error after the swap', () => {
  it('saving the cache index: one line saying the new site is in place, the old index kept whole', async () => {
    const run = await failingRebuild('ENOSPC@articles.json');
    expectOneLine(
      run.result,
      /^Build failed: No space left on the disk holding \.cache\/articles\.json \(ENOSPC\)\. Free some space, then build again\. The new site is in place, but the cache was not saved: the next build renders more\.$/,
    );
    expect(readFileSync(path.join(run.dist, '2025/12/01/article-0-edited/index.html'), 'utf8')).toContain('A new body.');
    expect(readFileSync(path.join(run.root, '.cache/articles.json'), 'utf8')).toBe(run.index);
    expect(asideFiles(run.root)).toEqual([]);
    // The next build, with room again, saves it.
    const next = await runCli(['build'], run.root, { SOURCE_DATE_EPOCH: String(NOW / 1000) });
    expect(next.code, next.stderr).toBe(0);
    expect(readFileSync(path.join(run.root, '.cache/articles.json'), 'utf8')).not.toBe(run.index);
  });
});

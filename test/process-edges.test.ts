// What only the CLI shows: exit codes and one-line messages at the process's edges. A --root with
// a typo, --stats into a missing folder, a config that never finishes loading, Ctrl-C and SIGTERM
// in the middle of a build (aimed with BROADSHEET_HOLD_AT, src/write/failpoints.ts: the build
// waits at a named point until the test has signalled it). Each leaves the output as it says.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { tracked } from './helpers/children.js';
import { folderState, snapshot } from './helpers/output.js';
import { photo } from './helpers/photos.js';
import { groupEnded, processes } from './helpers/process-groups.js';
import { article, makeSite, REPO, runCli, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const ENV = { SOURCE_DATE_EPOCH: String(NOW / 1000) };

// site.config.mjs, not .ts: the CLI then loads no TypeScript loader (a fifth of a small build's
// CPU), and the config's format is not what these tests are about.
function siteFiles(title = 'Edge Times'): Record<string, string> {
  const files: Record<string, string> = { 'site.config.mjs': `export default { title: '${title}', pageSize: 3 };\n` };
  for (let i = 0; i < 5; i++) files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-0${1 + i} 10:00`, tags: `[Tag ${i % 2}]` });
  return files;
}

describe('--root', () => {
  it('to a folder that does not exist (a typo): exit 1, one line, nothing created', async () => {
    const parent = makeSite({});
    const result = await runCli(['build', '--root', 'sitee'], parent, ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Build failed: The site folder sitee does not exist. Check the path given to --root.\n');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('to a folder with neither a config nor content/: exit 1, one line, the folder left as it was', async () => {
    const parent = makeSite({ 'photos/steppe.txt': 'not a site' });
    const before = folderState(parent);
    const result = await runCli(['build', '--root', 'photos'], parent, ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("Build failed: The folder photos is not a Broadsheet site: it has no site.config.ts and no content/ folder. Run this in the site's folder, or point --root at it.\n");
    expect(folderState(parent)).toEqual(before);
  });
});

describe('--stats', () => {
  it('into a folder that does not exist yet: the folder is made and the figures written', async () => {
    const root = makeSite(siteFiles());
    const result = await runCli(['build', '--quiet', '--stats', 'out/ci/stats.json'], root, ENV);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(readFileSync(path.join(root, 'out/ci/stats.json'), 'utf8')) as { articles: number; pages: number };
    expect(stats.articles).toBe(5);
    expect(stats.pages).toBeGreaterThan(5);
  });

  it('where it cannot be written (a file in the way): refused before building, exit 1, dist/ byte-identical', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    writeFiles(root, { out: 'a file, not a folder', 'content/2025/12/a0.md': article({ title: 'Article 0, edited', date: '2025-12-01 10:00' }) });
    const before = folderState(path.join(root, '.dist.builds'));
    const result = await runCli(['build', '--stats', 'out/stats.json'], root, ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Build failed: --stats out/stats.json cannot be written: out is a file, not a folder.\n');
    expect(folderState(path.join(root, '.dist.builds'))).toEqual(before);
  });

  it('that fails to be written after the swap (a disk that just filled up): says the new site is in place, exit 1', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    writeFiles(root, { 'content/2025/12/a0.md': article({ title: 'Article 0, edited', date: '2025-12-01 10:00' }) });
    const result = await runCli(['build', '--quiet', '--stats', 'stats.json'], root, { ...ENV, BROADSHEET_FAILPOINT: 'ENOSPC@stats.json' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Build figures not written: No space left on the disk holding stats.json (ENOSPC). Free some space, then build again. The new site is in place; only its figures were not written.\n');
    expect(readFileSync(path.join(root, 'dist/2025/12/01/article-0-edited/index.html'), 'utf8')).toContain('Article 0, edited');
  });
});

describe('a config whose top-level await never finishes', () => {
  it('waiting on nothing that can happen: exit 1 at once, naming the file, nothing built', async () => {
    // .mts: an ES module whatever the folder's package.json says (CommonJS has no top-level await).
    const { 'site.config.mjs': _, ...files } = siteFiles();
    const root = makeSite({ ...files, 'site.config.mts': `await new Promise(() => {});\nexport default { title: 'Never' };\n` });
    const result = await runCli(['build'], root, ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^site\.config\.mts:1:1 error could not load the config file: its top-level await never finished: it waits for something that can no longer happen \[config-load\]\n/,
    );
    expect(readdirSync(root).sort()).toEqual(['content', 'site.config.mts']);
  });

  it('waiting on something that keeps going (a timer): exit 1 after the time limit (BROADSHEET_CONFIG_TIMEOUT_MS)', async () => {
    const { 'site.config.mjs': _, ...files } = siteFiles();
    const root = makeSite({ ...files, 'site.config.mts': `await new Promise(() => setInterval(() => {}, 1000));\nexport default { title: 'Never' };\n` });
    const result = await runCli(['build'], root, { ...ENV, BROADSHEET_CONFIG_TIMEOUT_MS: '200' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^site\.config\.mts:1:1 error could not load the config file: it did not finish loading within 0\.2 s \(a top-level await that never settles\?\) \[config-load\]\n/);
    expect(readdirSync(root).sort()).toEqual(['content', 'site.config.mts']);
  });
});

describe('a config whose code never ends', () => {
  // A loop keeps the main thread busy: no timer fires there, and no SIGTERM or Ctrl-C handler runs,
  // so the build ran until killed. Its time limit is kept by a watchdog thread (config-watchdog.ts).
  it('is stopped after the time limit and its grace: exit 1, naming the file, nothing built', { timeout: 60_000 }, async () => {
    const { 'site.config.mjs': _, ...files } = siteFiles();
    const root = makeSite({ ...files, 'site.config.mjs': `while (true) {}\nexport default { title: 'Never' };\n` });
    const result = await runCli(['build'], root, { ...ENV, BROADSHEET_CONFIG_TIMEOUT_MS: '200' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^site\.config\.mjs:1:1 error could not load the config file: its code was still running after 0\.2 s and was stopped \(a loop that never ends\?\) \[config-load\]\n/);
    expect(readdirSync(root).sort()).toEqual(['content', 'site.config.mjs']);
  });
});

/** A `broadsheet build` that waits at `point` (BROADSHEET_HOLD_AT) until signalled. */
interface HeldBuild {
  child: ChildProcess;
  /** Resolves when the build is waiting at its point. */
  held: Promise<void>;
  /** Resolves with the exit code and stderr once the process has exited. */
  exited: Promise<{ code: number | null; stderr: string }>;
}

function holdBuild(root: string, point: string, args: string[] = []): HeldBuild {
  const child = tracked(
    spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', '--quiet', ...args], {
      cwd: root,
      env: { ...process.env, ...ENV, NO_COLOR: '1', BROADSHEET_HOLD_AT: point },
      stdio: ['pipe', 'ignore', 'pipe'],
    }),
  );
  let stderr = '';
  const held = new Promise<void>((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`holding at ${point}`)) resolve();
    });
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { child, held, exited };
}

describe('a build interrupted', () => {
  it.runIf(existsSync('/proc/self/stat'))('by Ctrl-C (SIGINT) while Pagefind indexes: says the output is unchanged, exit 130, Pagefind ended and reaped, the lock released, dist/ byte-identical', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    writeFiles(root, { 'content/2025/12/a0.md': article({ title: 'Article 0, edited', date: '2025-12-01 10:00' }) });
    const before = snapshot(path.join(root, 'dist'));
    const run = holdBuild(root, 'search');
    await run.held;
    const pagefind = processes().filter((entry) => entry.ppid === run.child.pid && entry.command.startsWith('pagefind'));
    expect(pagefind.length).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    expect(stderr).toBe('broadsheet: holding at search\nInterrupted: the output folder is unchanged.\n');
    expect(code).toBe(130);
    // Reaped by the build itself: no process, not even a zombie, is left under those pids.
    for (const { pid } of pagefind) expect(existsSync(`/proc/${pid}`), `pagefind ${pid}`).toBe(false);
    expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it.runIf(existsSync('/proc/self/stat'))('by Ctrl-C to the whole group while photos are made: the photos stop at once, exit 130, nothing built, the image process ended and reaped', async () => {
    const root = makeSite({ ...siteFiles(), 'content/2025/12/a0.md': article({ title: 'Article 0', date: '2025-12-01 10:00', image: 'a0.jpg', imageAlt: 'A photo' }) });
    writeFileSync(path.join(root, 'content/2025/12/a0.jpg'), await photo(640, 480));
    // The build leads a process group of its own, as a terminal's foreground job does: Ctrl-C reaches every process in it.
    const child = tracked(
      spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', '--quiet'], {
        cwd: root,
        env: { ...process.env, ...ENV, NO_COLOR: '1', BROADSHEET_HOLD_AT: 'images' },
        stdio: ['pipe', 'ignore', 'pipe'],
        detached: true,
      }),
      { group: true },
    );
    let stderr = '';
    await new Promise<void>((resolve) => child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()).includes('holding at images') && resolve()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The image process has read the photo's header and waits for its next job.
    const imageProcesses = processes().filter((entry) => entry.ppid === child.pid);
    expect(imageProcesses).toHaveLength(1);
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    await groupEnded(child.pid!);
    expect(stderr).toBe('broadsheet: holding at images\nInterrupted: the output folder is unchanged.\n');
    expect(existsSync(`/proc/${imageProcesses[0]!.pid}`)).toBe(false);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    // The interrupt stopped the photos at once: none of their sizes was made.
    const store = path.join(root, '.cache/images');
    expect(existsSync(store) ? readdirSync(store).filter((name) => /\.(avif|webp|jpe?g)$/.test(name)) : []).toEqual([]);
  });

  it('by Ctrl-C while a config is still loading: the same line, exit 130, nothing built', async () => {
    const { 'site.config.mjs': _, ...files } = siteFiles();
    // The config says when it has started, then waits for ever.
    const root = makeSite({ ...files, 'site.config.mts': `console.error('config: loading');\nawait new Promise(() => setInterval(() => {}, 1000));\nexport default {};\n` });
    const child = tracked(spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build'], { cwd: root, env: { ...process.env, ...ENV, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] }));
    let stderr = '';
    await new Promise<void>((resolve) => child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()).includes('config: loading') && resolve()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('config: loading\nInterrupted: the output folder is unchanged.\n');
    expect(readdirSync(root).sort()).toEqual(['content', 'site.config.mts']);
  });

  it('by SIGTERM just before the swap, with worker threads running: exit 143, the output unchanged, the next build succeeds', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    writeFiles(root, { 'content/2025/12/a0.md': article({ title: 'Article 0, edited', date: '2025-12-01 10:00' }) });
    const before = snapshot(path.join(root, 'dist'));
    const run = holdBuild(root, 'commit', ['--threads', '2']);
    await run.held;
    run.child.kill('SIGTERM');
    const { code, stderr } = await run.exited;
    expect(stderr).toBe('broadsheet: holding at commit\nInterrupted: the output folder is unchanged.\n');
    expect(code).toBe(143);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
    const next = await runCli(['build', '--quiet'], root, ENV);
    expect(next.code, next.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'dist/2025/12/01/article-0-edited/index.html'), 'utf8')).toContain('Article 0, edited');
  });

  it('by SIGTERM after the swap: says truthfully that the new site is in place, exit 143, the lock released', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    writeFiles(root, { 'content/2025/12/a0.md': article({ title: 'Article 0, edited', date: '2025-12-01 10:00' }) });
    const run = holdBuild(root, 'swapped');
    await run.held;
    run.child.kill('SIGTERM');
    const { code, stderr } = await run.exited;
    expect(stderr).toBe('broadsheet: holding at swapped\nInterrupted: the new site is in place, but the cache was not saved, so the next build renders more.\n');
    expect(code).toBe(143);
    expect(readFileSync(path.join(root, 'dist/2025/12/01/article-0-edited/index.html'), 'utf8')).toContain('Article 0, edited');
    expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
  });
});

describe('a base URL with a query or a fragment', () => {
  it('given with --base-url: a config error naming baseUrl, exit 1, nothing built', async () => {
    const root = makeSite(siteFiles());
    const result = await runCli(['build', '--base-url', 'https://news.example.org/?utm=x'], root, ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^site\.config\.mjs:1:1 error baseUrl: the base URL https:\/\/news\.example\.org\/\?utm=x has a query \(\?\.\.\.\) or a fragment \(#\.\.\.\)/);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });
});


// The bench's own counters (bench/): what it reports as files changed in dist/, how it reads the
// cgroups and /proc files it counts CPU and memory from, and the photos its corpus gets. No
// timings here: those are the bench's output, never a test's.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ownGroupFolders, parseFlatKeyed, parseProcCgroup, vmRssBytes } from '../bench/cgroup.js';
import { hasPhoto, writeCorpus } from '../bench/corpus.js';
import { Graveyard } from '../bench/graveyard.js';
import { compareManifests, outputManifest } from '../bench/manifest.js';
import type { BenchResults, BuildRun, ScenarioResult } from '../bench/measure.js';
import { checkTargets, formatTargets } from '../bench/targets.js';
import { parseTimeReport } from '../bench/timed.js';
import { tracked } from './helpers/children.js';
import { makeSite, REPO } from './helpers/site.js';

describe('files changed in dist/, from manifests before and after a build', () => {
  it('follows dist/ to the build it points at and counts new, changed and removed files', () => {
    const root = makeSite({
      '.dist.builds/a/index.html': '<p>old front page</p>',
      '.dist.builds/a/2025/story/index.html': '<p>story</p>',
      '.dist.builds/a/tags/old/index.html': '<p>old tag</p>',
      '.dist.builds/b/index.html': '<p>new front page</p>',
      '.dist.builds/b/2025/story/index.html': '<p>story</p>',
      '.dist.builds/b/2026/added/index.html': '<p>added</p>',
      '.dist.builds/b/2026/added/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
    });
    const dist = path.join(root, 'dist');
    symlinkSync('.dist.builds/a', dist);
    const before = outputManifest(dist);
    unlinkSync(dist);
    symlinkSync('.dist.builds/b', dist);
    const after = outputManifest(dist);

    expect([...after.keys()].sort()).toEqual(['2025/story/index.html', '2026/added/index.html', '2026/added/photo.jpg', 'index.html']);
    expect(after.get('index.html')).toBe(createHash('sha256').update('<p>new front page</p>').digest('hex'));
    expect(compareManifests(before, after)).toEqual({ added: 2, changed: 1, removed: 1, total: 4 });
    expect(compareManifests(after, after)).toEqual({ added: 0, changed: 0, removed: 0, total: 0 });
  });

  it('counts every file as new when there was no dist/ before', () => {
    const root = makeSite({ 'dist/index.html': 'x', 'dist/feed.xml': 'y' });
    expect(compareManifests(outputManifest(path.join(root, 'missing')), outputManifest(path.join(root, 'dist')))).toEqual({ added: 2, changed: 0, removed: 0, total: 2 });
  });
});

describe('the trees a bench run is done with', () => {
  it('are moved aside whole, two of one name included, and deleted only when the graveyard is cleared', () => {
    const work = makeSite({ 'site/public/index.html': 'first', 'hugo/public/index.html': 'hugo' });
    const graveyard = new Graveyard(`${work}.removed`);
    graveyard.bury(path.join(work, 'site/public'));
    graveyard.bury(path.join(work, 'hugo/public'));
    graveyard.bury(path.join(work, 'site/.cache'));
    expect(existsSync(path.join(work, 'site/public'))).toBe(false);
    const buried = readdirSync(graveyard.dir).sort();
    expect(buried).toHaveLength(2);
    expect(buried.map((name) => readFileSync(path.join(graveyard.dir, name, 'index.html'), 'utf8')).sort()).toEqual(['first', 'hugo']);
    graveyard.clear();
    expect(existsSync(graveyard.dir)).toBe(false);
  });
});

describe('reading cgroups and /proc', () => {
  it("finds each controller's group, also where controllers share a line, and ignores the v2 line", () => {
    const groups = parseProcCgroup('12:pids:/user.slice\n4:memory:/process_api/abc\n2:cpu,cpuacct:/bench\n0::/\n');
    expect(groups.get('memory')).toBe('/process_api/abc');
    expect(groups.get('cpuacct')).toBe('/bench');
    expect(groups.get('cpu')).toBe('/bench');
    expect(groups.has('')).toBe(false);
  });

  it("places this process's groups under the controllers' mounts, including a joint cpu,cpuacct mount", () => {
    const mounts = makeSite({ 'cpu,cpuacct/cgroup.procs': '', 'memory/cgroup.procs': '' });
    expect(ownGroupFolders('4:memory:/process_api/abc\n2:cpu,cpuacct:/\n', mounts)).toEqual({
      cpuacct: path.join(mounts, 'cpu,cpuacct'),
      memory: path.join(mounts, 'memory/process_api/abc'),
    });
  });

  it('finds no groups to use without a cgroup v1 memory controller', () => {
    const mounts = makeSite({ 'cpuacct/cgroup.procs': '' });
    expect(ownGroupFolders('2:cpuacct:/\n0::/user.slice\n', mounts)).toBeUndefined();
    expect(ownGroupFolders('0::/user.slice\n', mounts)).toBeUndefined();
  });

  it('reads cpuacct.stat, VmRSS and GNU time reports', () => {
    expect(parseFlatKeyed('user 139\nsystem 63\n')).toEqual(new Map([['user', 139], ['system', 63]]));
    expect(vmRssBytes('Name:\tnode\nVmHWM:\t  180000 kB\nVmRSS:\t  175000 kB\nThreads:\t11\n')).toBe(175000 * 1024);
    expect(vmRssBytes('Name:\tnode\nState:\tZ (zombie)\n')).toBe(0);
    expect(parseTimeReport('Command exited with non-zero status 1\n35.49 10.20 2.20 490512\n')).toEqual({ wall: 35.49, user: 10.2, sys: 2.2, rssKb: 490512 });
  });
});

describe('the corpus with --photos', () => {
  it('gives exactly the asked number of articles a photo, spread over the corpus', () => {
    const chosen = Array.from({ length: 1000 }, (_, i) => i).filter((i) => hasPhoto(i, 1000, 7));
    expect(chosen).toHaveLength(7);
    expect(chosen[0]).toBeLessThan(1000 / 7);
    expect(chosen.at(-1)).toBeGreaterThan(1000 - 1000 / 7);
    expect(Array.from({ length: 50 }, (_, i) => i).filter((i) => hasPhoto(i, 50, 50))).toHaveLength(50);
  });

  it('writes each photo beside its article, named in its front matter, no two alike', async () => {
    const content = makeSite({});
    await writeCorpus(12, content, 3);
    const files = readdirSync(content, { recursive: true }).map(String);
    const photos = files.filter((file) => file.endsWith('.jpg'));
    expect(photos).toHaveLength(3);
    const leads = files
      .filter((file) => file.endsWith('.md'))
      .map((file) => ({ file, meta: parseYaml(readFileSync(path.join(content, file), 'utf8').split('---\n')[1]!) as Record<string, unknown> }))
      .filter(({ meta }) => meta.image !== undefined);
    expect(leads.map(({ file, meta }) => path.join(path.dirname(file), String(meta.image))).sort()).toEqual(photos.sort());
    expect(leads.every(({ meta }) => typeof meta.imageAlt === 'string')).toBe(true);
    const hashes = photos.map((photo) => createHash('sha256').update(readFileSync(path.join(content, photo))).digest('hex'));
    expect(new Set(hashes).size).toBe(3);
  });

  it('with --distinct-photos, gives every article with a photo a file of its own, of that many pictures', async () => {
    const content = makeSite({});
    await writeCorpus(12, content, 12, 2);
    const photos = readdirSync(content, { recursive: true }).map(String).filter((file) => file.endsWith('.jpg'));
    expect(photos).toHaveLength(12);
    const hashes = photos.map((photo) => createHash('sha256').update(readFileSync(path.join(content, photo))).digest('hex'));
    expect(new Set(hashes).size).toBe(2);
  });
});

describe('the bench command line', () => {
  /** The bench's exit code and error output for `args` (each case stops at its arguments, building nothing). */
  const bench = (args: string[]) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      tracked(
        execFile(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench/cli.ts'), ...args], { cwd: REPO }, (error, _stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr });
        }),
      );
    });

  it('refuses --distinct-photos outside 1 to --photos, and takes a run without it', async () => {
    const over = await bench(['--articles', '10', '--photos', '5', '--distinct-photos', '6']);
    expect(over.code).toBe(2);
    expect(over.stderr.split('\n')[0]).toBe('bench: --distinct-photos must be a whole number from 1 to --photos (5), got "6"');
    const none = await bench(['--articles', '10', '--distinct-photos', '3']);
    expect(none.stderr.split('\n')[0]).toBe('bench: --distinct-photos must be a whole number from 1 to --photos (0), got "3"');
    // Without the flag, with photos or none, the next check (the scenarios) is the one that stops it.
    for (const photos of [[], ['--photos', '5']]) {
      const without = await bench(['--articles', '10', ...photos, '--scenarios', 'nosuch']);
      expect(without.code).toBe(2);
      expect(without.stderr.split('\n')[0]).toBe('bench: unknown scenario "nosuch": choose from cold, warm, edit10, add1, delete1, dev');
    }
  });

  it('refuses --bound-at without --targets, not below --articles, or beside --photos', async () => {
    const alone = await bench(['--articles', '10', '--bound-at', '5']);
    expect(alone.code).toBe(2);
    expect(alone.stderr.split('\n')[0]).toBe('bench: --bound-at is a check of --targets: give both');
    const larger = await bench(['--articles', '10', '--targets', '--bound-at', '10']);
    expect(larger.code).toBe(2);
    expect(larger.stderr.split('\n')[0]).toBe('bench: --bound-at must be a whole number from 1 to below --articles (10), got "10"');
    const corpus = await bench(['--articles', '10', '--targets', '--bound-at', '5', '--photos', '2']);
    expect(corpus.code).toBe(2);
    expect(corpus.stderr.split('\n')[0]).toBe('bench: --bound-at compares two generated archives without photos: give it without --corpus and --photos');
  });
});

describe('the publish-cost targets of a bench run', () => {
  /** A build of `seconds` wall and `cpu` CPU that changed `changed` files of dist/. */
  const build = (seconds: number, changed?: number, cpu = seconds): BuildRun => ({
    seconds,
    cpu,
    user: cpu,
    sys: 0,
    peakMb: 100,
    method: 'rusage',
    nodeRssMb: 100,
    pages: 10,
    feeds: 3,
    pagesRendered: 1,
    articlesRendered: 1,
    written: changed ?? 0,
    changes: changed === undefined ? undefined : { added: 0, changed, removed: 0, total: changed },
    phases: [],
  });
  const scenario = (name: ScenarioResult['name'], runs: BuildRun[]): ScenarioResult => ({ name, label: name, runs, seconds: runs[0]!.seconds, cpu: runs[0]!.cpu, peakMb: 100 });
  const anchor = (seconds: number) => ({ seconds, cpu: seconds * 1.5, peakMb: 500, pages: 10 });
  /** A run whose Hugo took 10 s and Pagefind 5 s; `add` files changed by each steady publish; `warm` by each no-op build. */
  const run = (times: { cold: number; edit: number; add: number }, files: { add: number; warm: number[] }): BenchResults => ({
    method: 'rusage',
    hugo: { version: '0.1', pagefind: '1.0', runs: [{ hugo: anchor(10), pagefind: anchor(5) }] },
    scenarios: [
      scenario('cold', [build(times.cold)]),
      scenario('warm', files.warm.map((count) => build(0.5, count))),
      scenario('edit10', [build(times.edit, 120)]),
      // The day's first article, reported apart, then the steady state the targets speak of.
      scenario('add1', [build(9, 500)]),
      scenario('add1', [build(times.add, files.add)]),
    ],
  });
  const rowFor = (rows: ReturnType<typeof checkTargets>, start: string) => rows.find((row) => row.target.startsWith(start))!;

  it('reports each time ratio against the anchors of the same run, met or missed', () => {
    const rows = checkTargets({ articles: 10_000, results: run({ cold: 16, edit: 0.9, add: 0.6 }, { add: 31, warm: [0, 0] }) });
    // Hugo + Pagefind: 15 s wall, 22.5 s CPU; the cold build's CPU is its wall here.
    expect(rowFor(rows, 'first build, wall')).toMatchObject({ measured: '1.07x (16.00 s against 15.00 s)', met: false, invariant: false });
    expect(rowFor(rows, 'first build, CPU')).toMatchObject({ measured: '0.71x (16.0 s against 22.5 s)', met: true });
    expect(rowFor(rows, 'ten articles')).toMatchObject({ measured: '0.09x (0.90 s against 10.00 s)', met: true });
    // The steady publish (0.6 s), not the day's first (9 s).
    expect(rowFor(rows, 'one article added ≤')).toMatchObject({ measured: '0.06x (0.60 s against 10.00 s)', met: false });
    expect(rowFor(rows, 'nothing changed')).toMatchObject({ met: true, invariant: true });
    // No smaller run: no bound to check.
    expect(rows.some((row) => row.target.startsWith('one article added: as many'))).toBe(false);
  });

  it('fails the invariants: a no-op build that changed a file, a larger archive whose publish changed more files', () => {
    const small = { articles: 2_000, results: run({ cold: 3, edit: 0.5, add: 0.4 }, { add: 31, warm: [0] }) };
    const within = checkTargets({ articles: 10_000, results: run({ cold: 16, edit: 0.9, add: 0.6 }, { add: 39, warm: [0, 0] }) }, small);
    expect(rowFor(within, 'one article added: as many')).toMatchObject({ measured: '39 files at 10,000, 31 at 2,000', met: true, invariant: true });
    const beyond = checkTargets({ articles: 10_000, results: run({ cold: 16, edit: 0.9, add: 0.6 }, { add: 40, warm: [0, 1, 0] }) }, small);
    expect(rowFor(beyond, 'one article added: as many')).toMatchObject({ met: false });
    expect(rowFor(beyond, 'nothing changed')).toMatchObject({ measured: '0, 1, 0 files changed', met: false });
    const table = formatTargets(beyond).split('\n');
    expect(table).toContain('| nothing changed: no file of dist/ changes (invariant) | 0, 1, 0 files changed | no |');
  });

  it('says when no target applies (no Hugo, no warm scenario)', () => {
    const results: BenchResults = { method: 'rusage', scenarios: [scenario('cold', [build(3)])] };
    expect(checkTargets({ articles: 100, results })).toEqual([]);
    expect(formatTargets([])).toMatch(/^No target applies/);
  });
});

// How the output folder is written: dist/ is a link to a whole tree, swapped in one step; readers of
// dist/ during a build always find every page; unchanged files keep their bytes and mtime; what a
// killed build left is finished or dropped; an older real dist/ folder is taken over.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { tracked } from './helpers/children.js';
import { createHash } from 'node:crypto';
import { cleanBuildOf } from './helpers/dev.js';
import { digests, snapshot } from './helpers/output.js';
import { article, listFiles, makeSite, REPO, runCli } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function siteFiles(count: number, title = 'Output Times'): Record<string, string> {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: '${title}', pageSize: 5 };\n` };
  for (let i = 0; i < count; i++) {
    files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-${String(1 + (i % 28)).padStart(2, '0')} 10:00`, tags: `[Tag ${i % 4}]` });
  }
  return files;
}

describe('the output folder', () => {
  it('is a relative link to a whole tree, and a rebuild that changes one article swaps in a tree sharing every other file', async () => {
    const root = makeSite(siteFiles(6));
    const dist = path.join(root, 'dist');
    await build({ root, now: NOW });
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readlinkSync(dist)).toBe(path.join('.dist.builds', 'a'));
    const before = snapshot(dist);
    const inodes = Object.fromEntries(listFiles(dist).map((file) => [file, statSync(path.join(dist, file)).ino]));

    writeFileSync(path.join(root, 'content/2025/12/a2.md'), article({ title: 'Article 2, updated', date: '2025-12-03 10:00', tags: '[Tag 2]' }));
    const result = await build({ root, now: NOW });
    expect(readlinkSync(dist)).toBe(path.join('.dist.builds', 'b'));
    const after = snapshot(dist);
    const same = Object.keys(after).filter((file) => after[file] === before[file]);
    // Files that never showed article 2 (another tag's page and feeds, another day, the style
    // sheet) are kept, and are the very same files (hard links): same bytes, same mtime.
    expect(same).toEqual(expect.arrayContaining(['tags/tag-0/index.html', 'tags/tag-0/feed.xml', '2025/12/06/index.html', 'assets/style.css']));
    expect(same.length).toBe(result.stats.unchanged);
    for (const file of same) expect(statSync(path.join(dist, file)).ino, file).toBe(inodes[file]);
    // The tree dist/ showed before is left as it was, for readers who opened it just before the swap.
    expect(snapshot(path.join(root, '.dist.builds/a'))).toEqual(before);
  });

  it('through edits, deletions, additions and a failed build, each swap shows exactly the clean build, and the tree swapped out exactly the site before', async () => {
    const root = makeSite(siteFiles(8));
    const dist = path.join(root, 'dist');
    const content = (name: string) => path.join(root, 'content/2025/12', name);
    const steps: Array<() => void> = [
      () => writeFileSync(content('a1.md'), article({ title: 'Article 1, edited', date: '2025-12-02 10:00', tags: '[Tag 1]' })),
      () => rmSync(content('a5.md')),
      () => writeFileSync(content('new.md'), article({ title: 'Brand new', date: '2025-12-20 10:00', tags: '[Tag 9]' })),
      () => writeFileSync(content('a1.md'), article({ title: 'Article 1, again', date: '2025-12-02 10:00', tags: '[Tag 3]' })),
      () => {
        // A build that fails after writing into the spare tree (a broken template renders no page)...
        writeFileSync(path.join(root, 'templates/tag.liquid'), '{{ page.title | no_such_filter }}');
      },
      () => rmSync(path.join(root, 'templates/tag.liquid')),
      () => writeFileSync(content('a2.md'), article({ title: 'Article 2, edited', date: '2025-12-03 10:00', tags: '[Tag 2]' })),
    ];
    mkdirSync(path.join(root, 'templates'));
    await build({ root, now: NOW });
    let previous = digests(dist);
    let tree = readlinkSync(dist);
    let swaps = 0;
    for (const step of steps) {
      step();
      const failed = await build({ root, now: NOW }).then(() => false, () => true);
      const live = digests(dist);
      if (failed) {
        expect(live).toEqual(previous);
        continue;
      }
      expect(Object.fromEntries([...(await cleanBuildOf(root, NOW))].map(([file, bytes]) => [file, createHash('sha1').update(bytes).digest('hex')]))).toEqual(live);
      // A build whose site is unchanged (the template put back) swaps nothing.
      if (readlinkSync(dist) !== tree) {
        swaps++;
        tree = readlinkSync(dist);
        expect(digests(path.join(root, '.dist.builds', tree.endsWith('a') ? 'b' : 'a'))).toEqual(previous);
      }
      previous = live;
    }
    expect(swaps).toBe(5);
  });

  it('a build that changes nothing does not swap, and rewrites nothing', async () => {
    const root = makeSite(siteFiles(3));
    await build({ root, now: NOW });
    const before = snapshot(path.join(root, 'dist'));
    const again = await build({ root, now: NOW });
    expect(again.stats).toMatchObject({ written: 0, deleted: 0 });
    expect(readlinkSync(path.join(root, 'dist'))).toBe(path.join('.dist.builds', 'a'));
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('read during a build, dist/ always serves every page, old or new, never a missing or half file', async () => {
    const root = makeSite(siteFiles(30));
    const dist = path.join(root, 'dist');
    await build({ root, now: NOW });
    const files = listFiles(dist);
    const old = Object.fromEntries(files.map((file) => [file, readFileSync(path.join(dist, file), 'utf8')]));
    // A new title: every page changes.
    writeFileSync(path.join(root, 'site.config.ts'), `export default { title: 'Renamed Times', pageSize: 5 };\n`);
    // The build stops after each step of its commit (BROADSHEET_STEP_COMMIT) until it gets a byte:
    // every file is read at every step, however fast or slow the machine.
    const child = tracked(
      spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', '--quiet'], {
        cwd: root,
        env: { ...process.env, SOURCE_DATE_EPOCH: String(NOW / 1000), BROADSHEET_STEP_COMMIT: '1' },
        stdio: ['pipe', 'ignore', 'pipe'],
      }),
    );
    const read = new Map(files.map((file) => [file, new Set<string>()]));
    const failed: string[] = [];
    const readEveryFile = () => {
      for (const file of files) {
        try {
          read.get(file)!.add(readFileSync(path.join(dist, file), 'utf8'));
        } catch (error) {
          failed.push(`${file}: ${(error as Error).message}`);
        }
      }
    };
    const STEP = 'broadsheet: commit step\n';
    let stderr = '';
    let steps = 0;
    child.stdin!.on('error', () => {}); // a byte after the last step finds the build gone
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (let at = stderr.indexOf(STEP); at !== -1; at = stderr.indexOf(STEP)) {
        stderr = stderr.slice(at + STEP.length);
        readEveryFile();
        steps++;
        child.stdin!.write('\n');
      }
    });
    // Each step is one change to the folders (a deletion, a hard link, a rename): every state dist/
    // passes through is read.
    expect(await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))).toBe(0);
    readEveryFile();
    expect(failed).toEqual([]);
    expect(steps).toBeGreaterThan(3);
    // Steps came before the swap and after it: the old home page and the new one were both read.
    expect(read.get('index.html')!.size).toBe(2);
    const wrong = files.filter((file) => [...read.get(file)!].some((text) => text !== old[file] && text !== readFileSync(path.join(dist, file), 'utf8')));
    expect(wrong).toEqual([]);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('Renamed Times');
  });
});

describe('recovering from a killed build', () => {
  it('a swap killed before its rename is dropped: dist/ stays the old site', async () => {
    const root = makeSite(siteFiles(3));
    await build({ root, now: NOW });
    const before = snapshot(path.join(root, 'dist'));
    // The new link, made aside, as a kill just before the rename leaves it.
    symlinkSync(path.join('.dist.builds', 'b'), path.join(root, '.dist.builds/swap'));
    await build({ root, now: NOW });
    expect(existsSync(path.join(root, '.dist.builds/swap'))).toBe(false);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('a swap killed with dist/ moved aside (an older folder being taken over) is finished', async () => {
    const root = makeSite(siteFiles(3));
    await build({ root, now: NOW });
    const before = snapshot(path.join(root, 'dist'));
    // dist/ gone, the new link waiting: the one instant a take-over has no dist/.
    renameSync(path.join(root, 'dist'), path.join(root, '.dist.builds/swap'));
    await build({ root, now: NOW });
    expect(lstatSync(path.join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('an older Broadsheet\'s real dist/ folder is taken over at the first change, keeping unchanged files and their mtimes', async () => {
    const root = makeSite(siteFiles(4));
    await build({ root, now: NOW });
    // As an older Broadsheet left it: a real folder, and the manifest describing it.
    const real = path.join(root, 'dist');
    const tree = path.join(root, '.dist.builds/a');
    rmSync(real);
    cpSync(tree, real, { recursive: true, preserveTimestamps: true });
    rmSync(path.join(root, '.dist.builds'), { recursive: true });
    const before = snapshot(real);

    expect((await build({ root, now: NOW })).stats.written).toBe(0);
    expect(lstatSync(real).isDirectory()).toBe(true); // nothing changed: left as it is

    writeFileSync(path.join(root, 'content/2025/12/a1.md'), article({ title: 'Article 1, updated', date: '2025-12-02 10:00', tags: '[Tag 1]' }));
    const result = await build({ root, now: NOW });
    expect(lstatSync(real).isSymbolicLink()).toBe(true);
    const after = snapshot(real);
    const same = Object.keys(after).filter((file) => after[file] === before[file]);
    expect(same.length).toBe(result.stats.unchanged);
    expect(same.length).toBeGreaterThan(10);
  });
});

describe('an output path Broadsheet cannot replace', () => {
  it('a dist/ that is a file: one line saying so, exit 1, the file untouched', async () => {
    const root = makeSite(siteFiles(2));
    writeFileSync(path.join(root, 'dist'), 'not a folder');
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Build failed: The output folder dist is a file, not a folder. Move or delete it, or build into another folder with --out.');
    expect(readFileSync(path.join(root, 'dist'), 'utf8')).toBe('not a folder');
    expect(existsSync(path.join(root, '.dist.builds'))).toBe(false);
  });

  it('a dist/ that is a link Broadsheet did not make: refused, the link and its target untouched', async () => {
    const root = makeSite(siteFiles(2));
    mkdirSync(path.join(root, 'www'));
    writeFileSync(path.join(root, 'www/index.html'), 'hand-made');
    symlinkSync('www', path.join(root, 'dist'));
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Build failed: dist is a symbolic link to www, which Broadsheet did not make\. Remove the link .*, or build straight into the target with --out\.\n$/);
    expect(readlinkSync(path.join(root, 'dist'))).toBe('www');
    expect(listFiles(path.join(root, 'www'))).toEqual(['index.html']);
  });
});

// Nothing Broadsheet did not make is deleted, moved or written into. An output folder that already
// holds someone else's files (a GitHub Pages checkout, a repository's .git), or a cache folder set
// to the site's photos, the file system's root or a folder of someone else's, is refused with a
// message naming it, and every folder involved is byte-identical afterwards (every entry, its mode,
// mtime and bytes: folderState). The stores in the cache folder delete only files they named.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { formatProblems } from '../src/problems/index.js';
import { tracked } from './helpers/children.js';
import { tryBuild } from './helpers/memory-site.js';
import { folderState, snapshot } from './helpers/output.js';
import { photo } from './helpers/photos.js';
import { article, listFiles, makeSite, REPO, runCli, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const ENV = { SOURCE_DATE_EPOCH: String(NOW / 1000) };

function siteFiles(config = ''): Record<string, string> {
  return {
    'site.config.ts': `export default { title: 'Safe Times', search: false${config} };\n`,
    'content/2025/12/a.md': article({ title: 'First', date: '2025-12-01 10:00', tags: '[Almaty]' }),
    'content/2025/12/b.md': article({ title: 'Second', date: '2025-12-02 10:00' }),
  };
}

/** A GitHub Pages checkout: a repository with a commit's worth of objects, a CNAME and the last deploy. */
const CHECKOUT = {
  '.git/HEAD': 'ref: refs/heads/gh-pages\n',
  '.git/config': '[core]\n\trepositoryformatversion = 0\n',
  '.git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904': 'x\u0001\u0000',
  '.git/refs/heads/gh-pages': '4b825dc642cb6eb9a060e54bf8d69288fbee4904\n',
  CNAME: 'news.example.org\n',
  'index.html': '<!doctype html><title>Deployed by hand</title>',
};

/** The refusal of an output folder, with the folder as the message shows it from `cwd`. */
/**
 * The cache's output manifest as the older Broadsheets that left real output folders wrote it: one
 * JSON value (format 1), describing the output folder `dist/`.
 */
function writeOlderManifest(root: string): void {
  const file = path.join(root, '.cache/output.json');
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
  const files = Object.fromEntries((lines as Array<[string, string, number, number]>).map(([name, fingerprint, size, mtimeMs]) => [name, { fingerprint, size, mtimeMs }]));
  writeFileSync(file, JSON.stringify({ format: 1, outPath: (header as { outPath: string }).outPath, files }));
  rmSync(path.join(root, '.cache/output.log'), { force: true });
}

const outputRefused = (folder: string, strays: string, cwd = process.cwd()) =>
  `The output folder ${path.relative(cwd, folder)} holds files Broadsheet did not write (${strays}). A build replaces its output folder whole, so it writes only into an empty folder or one it made: choose another folder (outDir in the config, or --out), or empty this one yourself. Nothing was changed.`;

describe('an output folder Broadsheet did not make', () => {
  it('a GitHub Pages checkout beside the site (--out ../deploy), built into twice with a change between: refused each time, exit 1, the checkout byte-identical', async () => {
    const parent = makeSite({});
    const root = path.join(parent, 'site');
    const deploy = path.join(parent, 'deploy');
    writeFiles(root, siteFiles());
    writeFiles(deploy, CHECKOUT);
    const before = folderState(deploy);
    const parentBefore = readdirSync(parent).sort();

    for (const title of ['First', 'First, edited']) {
      writeFiles(root, { 'content/2025/12/a.md': article({ title, date: '2025-12-01 10:00' }) });
      const result = await runCli(['build', '--out', '../deploy'], root, ENV);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`Build failed: ${outputRefused(deploy, '.git, CNAME, index.html', root)}\n`);
      expect(folderState(deploy)).toEqual(before);
      // No trees folder beside it, no output anywhere.
      expect(readdirSync(parent).sort()).toEqual(parentBefore);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
    }
  });

  it('a checkout an older Broadsheet already moved into the trees (.deploy.builds/b with its .git): refused with the way back, byte-identical', async () => {
    const parent = makeSite({});
    const root = path.join(parent, 'site');
    writeFiles(root, siteFiles(", outDir: '../deploy'"));
    await build({ root, now: NOW });
    // As the older version left it: the site in tree a, the checkout it moved aside in tree b.
    const moved = path.join(parent, '.deploy.builds/b');
    writeFiles(moved, CHECKOUT);
    const before = folderState(moved);
    writeFiles(root, { 'content/2025/12/a.md': article({ title: 'First, edited', date: '2025-12-01 10:00' }) });
    const shown = path.relative(process.cwd(), moved);
    await expect(build({ root, now: NOW })).rejects.toThrow(
      `${shown} holds a git repository, which Broadsheet never writes: an older Broadsheet moved a folder of yours there. Move it back out (mv ${shown} <where it was>), then build again. Nothing was changed.`,
    );
    expect(folderState(moved)).toEqual(before);
  });

  it("the repository's own .git (outDir: '.git'): refused, .git byte-identical, nothing built", async () => {
    const root = makeSite({ ...siteFiles(", outDir: '.git'"), ...Object.fromEntries(Object.entries(CHECKOUT).filter(([file]) => file.startsWith('.git/'))) });
    const git = path.join(root, '.git');
    const before = folderState(git);
    for (let run = 0; run < 2; run++) {
      await expect(build({ root, now: NOW })).rejects.toThrow(outputRefused(git, 'HEAD, config, objects and 1 more'));
      expect(folderState(git)).toEqual(before);
    }
    expect(readdirSync(root).sort()).toEqual(['.git', 'content', 'site.config.ts']);
  });

  it('an empty folder is taken: the site is built into it', async () => {
    const root = makeSite(siteFiles(", outDir: 'public'"));
    mkdirSync(path.join(root, 'public'));
    await build({ root, now: NOW });
    expect(readlinkSync(path.join(root, 'public'))).toBe(path.join('.public.builds', 'a'));
    expect(listFiles(path.join(root, 'public'))).toContain('2025/12/01/first/index.html');
  });

  it('an empty folder that gets a file while the build runs: refused at the swap, the file left where it is, exit 1', async () => {
    const root = makeSite(siteFiles(", outDir: 'public'"));
    const publicFolder = path.join(root, 'public');
    mkdirSync(publicFolder);
    // The build waits before its commit (BROADSHEET_HOLD_AT) while a file appears in the folder.
    const child = tracked(spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', '--quiet'], { cwd: root, env: { ...process.env, ...ENV, NO_COLOR: '1', BROADSHEET_HOLD_AT: 'commit' } }));
    let stderr = '';
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()).includes('holding at commit') && resolve()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    writeFileSync(path.join(publicFolder, 'photo.jpg'), 'a photo');
    child.stdin.end('go on\n');
    expect(await exited).toBe(1);
    expect(stderr).toBe(
      'broadsheet: holding at commit\nBuild failed: The output folder public was empty when the build started, but something was put into it since. It is left as it is: move its files away, then build again.\n',
    );
    expect(readdirSync(publicFolder)).toEqual(['photo.jpg']);
    // A first build that failed leaves no trace.
    expect(existsSync(path.join(root, '.public.builds'))).toBe(false);
  });

  it("an older Broadsheet's real output folder is taken over, but not once a file it did not write is added (CNAME): refused, byte-identical", async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    // As an older Broadsheet left it: a real folder, and the cache's manifest describing it.
    const dist = path.join(root, 'dist');
    rmSync(dist);
    cpSync(path.join(root, '.dist.builds/a'), dist, { recursive: true, preserveTimestamps: true });
    rmSync(path.join(root, '.dist.builds'), { recursive: true });
    writeOlderManifest(root);
    writeFileSync(path.join(dist, 'CNAME'), 'news.example.org\n');
    writeFiles(root, { 'content/2025/12/a.md': article({ title: 'First, edited', date: '2025-12-01 10:00' }) });
    const before = folderState(dist);
    await expect(build({ root, now: NOW })).rejects.toThrow(outputRefused(dist, 'CNAME'));
    expect(folderState(dist)).toEqual(before);
    expect(existsSync(path.join(root, '.dist.builds'))).toBe(false);

    // Without it, the folder is provably the older Broadsheet's: taken over.
    rmSync(path.join(dist, 'CNAME'));
    await build({ root, now: NOW });
    expect(readlinkSync(dist)).toBe(path.join('.dist.builds', 'a'));
  });

  it('a real folder where the manifest names another output folder is refused: the record must name this one', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    const other = path.join(root, 'public');
    cpSync(path.join(root, '.dist.builds/a'), other, { recursive: true, preserveTimestamps: true });
    const before = folderState(other);
    const refused = await build({ root, now: NOW, outDir: 'public' }).then(() => undefined, (error: Error) => error.message);
    expect(refused).toBe(outputRefused(other, `2025, 404.html, archive and ${readdirSync(other).length - 3} more`));
    expect(folderState(other)).toEqual(before);
  });

  it("a trees folder (.dist.builds) holding something Broadsheet never puts there is refused, untouched", async () => {
    const root = makeSite(siteFiles());
    writeFiles(root, { '.dist.builds/notes.txt': 'mine' });
    const before = folderState(path.join(root, '.dist.builds'));
    await expect(build({ root, now: NOW })).rejects.toThrow(
      `${path.relative(process.cwd(), path.join(root, '.dist.builds'))} is where Broadsheet keeps the output's trees, but it holds files Broadsheet did not write (notes.txt). Move them away, or build into another folder with --out. Nothing was changed.`,
    );
    expect(folderState(path.join(root, '.dist.builds'))).toEqual(before);
  });

  it('files put into dist/ by hand: every later build is refused naming them, the live tree byte-identical; moved out, builds go on and never bring them back', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    writeFiles(root, { 'content/2025/12/b.md': article({ title: 'Second, edited', date: '2025-12-02 10:00' }) });
    await build({ root, now: NOW });
    // At the top, in a folder of the site's, and in a folder of its own.
    writeFiles(path.join(root, 'dist'), { CNAME: 'news.example.org\n', '2025/12/notes.html': '<p>mine</p>', '.well-known/keys/security.txt': 'Contact: x' });
    const live = () => path.join(root, '.dist.builds', path.basename(readlinkSync(path.join(root, 'dist'))));
    const before = folderState(live());
    const refusal = `The output folder ${path.relative(process.cwd(), path.join(root, 'dist'))} holds files Broadsheet did not write, put there after the last build: dist/.well-known/keys/security.txt, dist/2025/12/notes.html, dist/CNAME. They are not part of the site, and a build would not keep them: put a file you want published in static/ (it is then copied into every build), or move them out of dist. Nothing was changed.`;
    // An update (one article edited), a whole build (a new template), and the same update again.
    const changes: Array<Record<string, string>> = [
      { 'content/2025/12/a.md': article({ title: 'First, edited', date: '2025-12-01 10:00' }) },
      { 'templates/partials/breadcrumbs.liquid': '<p class="crumbs">{{ page.title }}</p>' },
      { 'content/2025/12/a.md': article({ title: 'First, edited again', date: '2025-12-01 10:00' }) },
    ];
    for (const change of changes) {
      writeFiles(root, change);
      await expect(build({ root, now: NOW })).rejects.toThrow(refusal);
      expect(folderState(live())).toEqual(before);
    }
    const kept = makeSite({});
    cpSync(path.join(root, 'dist/CNAME'), path.join(kept, 'CNAME'));
    rmSync(path.join(root, 'dist/CNAME'));
    rmSync(path.join(root, 'dist/2025/12/notes.html'));
    rmSync(path.join(root, 'dist/.well-known'), { recursive: true });
    for (const title of ['Fourth', 'Fifth', 'Sixth']) {
      writeFiles(root, { 'content/2025/12/a.md': article({ title, date: '2025-12-01 10:00' }) });
      await build({ root, now: NOW });
      expect(existsSync(path.join(root, 'dist/CNAME'))).toBe(false);
      expect(existsSync(path.join(root, 'dist/2025/12/notes.html'))).toBe(false);
    }
    expect(readFileSync(path.join(kept, 'CNAME'), 'utf8')).toBe('news.example.org\n');
  });
});

describe('a cache folder that is not a folder of its own', () => {
  /** A site whose static/ and content/ hold photos, as a newsroom's does. */
  async function photoSite(config: string): Promise<string> {
    const root = makeSite(siteFiles(config));
    writeFiles(root, {
      'static/images/logo.png': await photo(64, 64, 'png'),
      'static/images/masthead.png': await photo(120, 40, 'png'),
      'content/images/rink.jpg': await photo(200, 100),
      'content/2025/12/c.md': article({ title: 'Photo', date: '2025-12-03 10:00', image: '../../images/rink.jpg', imageAlt: 'A rink' }),
    });
    return root;
  }

  const cacheRefused = (value: string, where: string) =>
    `site.config.ts:1:54 error cacheDir: the cache folder ${value} ${where}, and Broadsheet deletes files it no longer needs from its cache folder; expected a folder of its own, such as .cache [config-invalid]`;

  for (const [value, where, folder] of [
    ['static', 'is the same folder as staticDir (static)', 'static'],
    ['content', 'is the same folder as contentDir (content)', 'content'],
    ['static/images', 'is inside staticDir (static)', 'static'],
    ['/', "is the file system's root", undefined],
    ['.', 'is the site folder itself', undefined],
    ['..', 'contains the site folder', undefined],
  ] as const) {
    it(`cacheDir: '${value}' is a config error naming it; the site's files are byte-identical and nothing is built`, async () => {
      const root = await photoSite(`, cacheDir: '${value}'`);
      const before = folderState(root);
      const rootEntries = readdirSync('/').sort();
      const result = await tryBuild({ root, now: NOW });
      expect(result.ok).toBe(false);
      expect(formatProblems(result.problems)).toBe(cacheRefused(value, where));
      expect(folderState(root)).toEqual(before);
      if (folder) expect(listFiles(path.join(root, folder)).some((file) => file.endsWith('.png') || file.endsWith('.jpg'))).toBe(true);
      expect(readdirSync('/').sort()).toEqual(rootEntries);
    });
  }

  it('content, templates or static folders outside the site are a config error at the setting, unless allowOutside lists them; nothing is read', async () => {
    const outside = makeSite({ 'content/2025/12/x.md': article({ title: 'Outside', date: '2025-12-01' }) });
    const root = makeSite({ 'site.config.ts': `export default { title: 'T', contentDir: ${JSON.stringify(path.join(outside, 'content'))}, staticDir: '../elsewhere' };\n` });
    const refused = await tryBuild({ root, now: NOW });
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`)).toEqual([
      `site.config.ts:1 contentDir: expected a folder inside the site folder (or in one allowOutside lists), got ${path.join(outside, 'content')}`,
      'site.config.ts:1 staticDir: expected a folder inside the site folder (or in one allowOutside lists), got ../elsewhere',
    ]);
    writeFileSync(path.join(root, 'site.config.ts'), `export default { title: 'T', contentDir: ${JSON.stringify(path.join(outside, 'content'))}, allowOutside: [${JSON.stringify(outside)}] };\n`);
    const allowed = await tryBuild({ root, now: NOW });
    expect(allowed.ok, formatProblems(allowed.problems)).toBe(true);
  });

  it("a cache folder where the output's trees go (outDir: 'out', cacheDir: '.out.builds') is a config error; nothing is written", async () => {
    const root = await photoSite(", outDir: 'out', cacheDir: '.out.builds'");
    const before = folderState(root);
    const result = await tryBuild({ root, now: NOW });
    expect(result.ok).toBe(false);
    expect(formatProblems(result.problems)).toMatch(/^site\.config\.ts:1:\d+ error cacheDir: the cache folder \.out\.builds is, holds or sits in \.out\.builds, where Broadsheet keeps the output's trees, and Broadsheet deletes files it no longer needs from its cache folder/);
    expect(folderState(root)).toEqual(before);
  });

  it('an output folder given with --out names the flag, not the config, which does not set it; content/ byte-identical', async () => {
    const root = await photoSite('');
    const before = folderState(path.join(root, 'content'));
    const result = await tryBuild({ root, now: NOW, outDir: 'content' });
    expect(result.ok).toBe(false);
    expect(formatProblems(result.problems)).toBe(
      'site.config.ts:1:1 error outDir: the output folder content (given with --out, not in the config) is the same folder as contentDir (content), and Broadsheet replaces its output folder whole at every build; expected a folder of its own, such as dist [config-invalid]',
    );
    expect(folderState(path.join(root, 'content'))).toEqual(before);
  });

  it("cacheDir: 'static' from the command line: exit 1, the error and the closing line, static/ byte-identical", async () => {
    const root = await photoSite(", cacheDir: 'static'");
    const before = folderState(path.join(root, 'static'));
    const result = await runCli(['build'], root, ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(cacheRefused('static', 'is the same folder as staticDir (static)'));
    expect(result.stderr).toMatch(/Build failed: 1 error in 1 file\. Nothing was written; the previous output is unchanged\.\n$/);
    expect(folderState(path.join(root, 'static'))).toEqual(before);
  });

  it("a photo folder outside the site (cacheDir: '../photos'): refused naming it, the folder byte-identical, nothing built", async () => {
    const parent = makeSite({});
    const root = path.join(parent, 'site');
    const photos = path.join(parent, 'photos');
    writeFiles(root, siteFiles(", cacheDir: '../photos'"));
    // Only an images/ folder, as the image store keeps: its photos are what the store's prune would delete.
    writeFiles(photos, { 'images/steppe.png': await photo(64, 64, 'png'), 'images/index.json': '{"album":"Steppe"}' });
    const before = folderState(photos);
    await expect(build({ root, now: NOW })).rejects.toThrow(
      `The cache folder ${path.relative(process.cwd(), photos)} holds files that are not a Broadsheet cache (images). Broadsheet deletes files it no longer needs from its cache folder, so it uses only an empty folder or one it made: set cacheDir in the config to a folder of its own (the default is .cache). Nothing was changed.`,
    );
    expect(folderState(photos)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['content', 'site.config.ts']);
  });

  it("an output folder inside static/ is a config error too", async () => {
    const root = await photoSite(", outDir: 'static/site'");
    const result = await tryBuild({ root, now: NOW });
    expect(formatProblems(result.problems)).toBe(
      "site.config.ts:1:54 error outDir: the output folder static/site is inside staticDir (static), and Broadsheet replaces its output folder whole at every build; expected a folder of its own, such as dist [config-invalid]",
    );
  });

  it("an older Broadsheet's cache (no tag, its index in it) is adopted and tagged; with --no-cache a new one leaves nothing behind", async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    const cache = path.join(root, '.cache');
    expect(readdirSync(cache)).toContain('CACHEDIR.TAG');
    rmSync(path.join(cache, 'CACHEDIR.TAG'));
    writeFiles(root, { 'content/2025/12/a.md': article({ title: 'First, edited', date: '2025-12-01 10:00' }) });
    const result = await build({ root, now: NOW });
    expect(result.stats.cacheHits).toBe(1);
    expect(readdirSync(cache)).toContain('CACHEDIR.TAG');

    const fresh = makeSite(siteFiles());
    await build({ root: fresh, now: NOW, cache: false });
    expect(existsSync(path.join(fresh, '.cache'))).toBe(false);
  });

  it('a cache folder a build was killed while tagging (only the tag\'s aside copy in it) is taken', async () => {
    const root = makeSite({ ...siteFiles(), '.cache/CACHEDIR.TAG.4242-0-0.tmp': 'Signature: 8a47' });
    await build({ root, now: NOW });
    expect(readdirSync(path.join(root, '.cache'))).toContain('CACHEDIR.TAG');
    expect(readdirSync(path.join(root, '.cache'))).not.toContain('CACHEDIR.TAG.4242-0-0.tmp');
  });
});

describe('the stores in the cache folder', () => {
  it('delete only files they named: something else put into .cache/images/ and .cache/bodies/ survives a build that prunes both', async () => {
    const root = makeSite(siteFiles());
    writeFiles(root, {
      'content/images/rink.jpg': await photo(200, 100),
      'content/2025/12/c.md': article({ title: 'Photo', date: '2025-12-03 10:00', image: '../../images/rink.jpg', imageAlt: 'A rink' }),
    });
    await build({ root, now: NOW });
    const images = path.join(root, '.cache/images');
    const bodies = path.join(root, '.cache/bodies');
    const variantsBefore = readdirSync(images).filter((name) => name !== 'index.json');
    writeFiles(root, { '.cache/images/notes.txt': 'keep me', '.cache/bodies/README': 'keep me', '.cache/notes.tmp': 'keep me' });

    // Another photo, edited bodies: the old variants and packs go.
    writeFiles(root, {
      'content/images/rink.jpg': await photo(240, 100),
      'content/2025/12/a.md': article({ title: 'First', date: '2025-12-01 10:00' }, 'Edited.'),
      'content/2025/12/b.md': article({ title: 'Second', date: '2025-12-02 10:00' }, 'Edited.'),
      'content/2025/12/c.md': article({ title: 'Photo', date: '2025-12-03 10:00', image: '../../images/rink.jpg', imageAlt: 'A rink' }, 'Edited.'),
    });
    const before = snapshot(path.join(root, 'dist'));
    await build({ root, now: NOW });
    expect(snapshot(path.join(root, 'dist'))).not.toEqual(before);
    expect(readdirSync(images).filter((name) => variantsBefore.includes(name))).toEqual([]);
    expect(readdirSync(images)).toContain('notes.txt');
    expect(readdirSync(bodies)).toContain('README');
    expect(readdirSync(path.join(root, '.cache'))).toContain('notes.tmp');
  });
});

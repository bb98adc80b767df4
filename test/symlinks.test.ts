// Symlinks are a policy: a content, static or template file whose real path is outside the site
// folder is refused with an error naming the link and its target (unless its folder is listed in
// allowOutside), and nothing is published; links that stay inside the site work like the file or
// folder they lead to; a broken link is an error, not a crash.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { DevSite } from '../src/dev/site.js';
import { existingContentFiles } from '../src/load/discover.js';
import { loadConfig } from '../src/config.js';
import { BuildFailure, sortProblems, type Problem } from '../src/problems/index.js';
import { builtSite } from './helpers/rebuild.js';
import { article, listFiles, makeSite, page, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const GOOD = { 'content/2025/12/good.md': article({ title: 'A good article', date: '2025-12-18 19:20', topic: 'Culture' }) };
const SECRET = 'SECRET-7f3a';

/** A folder outside every site, holding files no build may publish unless allowed. */
const outside = mkdtempSync(path.join(tmpdir(), 'broadsheet-outside-'));
writeFiles(outside, {
  'secret.md': article({ title: `${SECRET} article`, date: '2025-12-18' }, SECRET),
  'photos/secret.md': article({ title: `${SECRET} in a folder`, date: '2025-12-18' }, SECRET),
  'secret.txt': `${SECRET}\n`,
  'secret.liquid': `${SECRET}\n`,
});
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** Make a symlink at `link` (relative to root) pointing at `target`, as written. */
function link(root: string, link: string, target: string): void {
  mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
  symlinkSync(target, path.join(root, link));
}

/** Every file of dist/ with its bytes and mtime: what "left exactly as it was" means. */
function snapshot(dist: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dist).map((file) => {
      const absolute = path.join(dist, file);
      return [file, `${statSync(absolute).mtimeMs} ${readFileSync(absolute, 'base64')}`];
    }),
  );
}

/** The problems of a build that must fail. */
async function failure(root: string): Promise<readonly Problem[]> {
  const error = await build({ root, now: NOW }).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BuildFailure);
  return (error as BuildFailure).problems;
}

/** A site built once, then given `links` (link -> target) and built again, which must fail. */
async function failingRebuild(links: Record<string, string>, files: Record<string, string> = {}) {
  const root = await builtSite({ ...GOOD, ...files }, NOW);
  const dist = path.join(root, 'dist');
  const before = snapshot(dist);
  for (const [at, target] of Object.entries(links)) link(root, at, target);
  const problems = await failure(root);
  const after = snapshot(dist);
  return { root, problems, before, after, published: Object.values(after).some((entry) => Buffer.from(entry.split(' ')[1]!, 'base64').includes(SECRET)) };
}

describe.concurrent('a symlink leading outside the site', () => {
  it('in content/ is an error naming the link and its target; nothing is published', async () => {
    const run = await failingRebuild({ 'content/2025/12/x.md': path.join(outside, 'secret.md') });
    expect(run.problems).toContainEqual(
      expect.objectContaining({
        code: 'symlink-outside',
        severity: 'error',
        file: 'content/2025/12/x.md',
        line: 1,
        column: 1,
        message: `links to ${path.join(outside, 'secret.md')}, outside the site folder: not read`,
        hint: 'copy the file into the site, or list its folder in allowOutside (site.config.ts)',
      }),
    );
    expect(run.after).toEqual(run.before);
    expect(run.published).toBe(false);
  });

  it('as a folder in content/ is one error naming the folder link; nothing under it is read', async () => {
    const run = await failingRebuild({ 'content/photos': path.join(outside, 'photos') });
    expect(run.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['symlink-outside', 'content/photos', `links to ${path.join(outside, 'photos')}, outside the site folder: not read`],
    ]);
    expect(run.after).toEqual(run.before);
  });

  it('as the content folder itself is an error', async () => {
    const root = makeSite({ 'site.config.json': '{}' });
    link(root, 'content', path.join(outside, 'photos'));
    const problems = await failure(root);
    expect(problems.map((p) => [p.code, p.file])).toEqual([['symlink-outside', 'content']]);
  });

  it('in static/ is an error, not a silent skip; nothing is copied', async () => {
    const run = await failingRebuild({ 'static/leak.txt': path.join(outside, 'secret.txt'), 'static/docs': outside });
    expect(run.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['symlink-outside', 'static/docs', `links to ${outside}, outside the site folder: not read`],
      ['symlink-outside', 'static/leak.txt', `links to ${path.join(outside, 'secret.txt')}, outside the site folder: not read`],
    ]);
    expect(run.after).toEqual(run.before);
    expect(run.published).toBe(false);
  });

  it('in templates/ is an error, even for a partial no page uses; nothing is rendered', async () => {
    const run = await failingRebuild({ 'templates/partials/x.liquid': path.join(outside, 'secret.liquid') });
    expect(run.problems).toContainEqual(
      expect.objectContaining({ code: 'symlink-outside', file: 'templates/partials/x.liquid', line: 1, column: 1, message: `links to ${path.join(outside, 'secret.liquid')}, outside the site folder: not read` }),
    );
    expect(run.after).toEqual(run.before);
  });

  it('in place of a default-theme template is an error, not a silent fall back to the theme', async () => {
    const run = await failingRebuild({ 'templates/partials/meta.liquid': '/etc/hostname', 'templates/assets/extra.css': path.join(outside, 'secret.txt') });
    expect(sortProblems(run.problems).map((p) => [p.code, p.file])).toEqual([
      ['symlink-outside', 'templates/assets/extra.css'],
      ['symlink-outside', 'templates/partials/meta.liquid'],
    ]);
    expect(run.problems[1]!.message).toMatch(/^links to \/.*, outside the site folder: not read$/);
    expect(run.after).toEqual(run.before);
  });

  it('into a folder listed in allowOutside is read and published', async () => {
    const root = makeSite({ ...GOOD, 'site.config.json': JSON.stringify({ allowOutside: [outside] }) });
    link(root, 'content/2025/12/shared.md', path.join(outside, 'secret.md'));
    link(root, 'content/more', path.join(outside, 'photos'));
    link(root, 'static/files/secret.txt', path.join(outside, 'secret.txt'));
    link(root, 'templates/partials/secret.liquid', path.join(outside, 'secret.liquid'));
    await build({ root, now: NOW });
    const dist = path.join(root, 'dist');
    expect(page(dist, '/2025/12/18/secret-7f3a-article/')('h1').text()).toBe(`${SECRET} article`);
    expect(page(dist, '/2025/12/18/secret-7f3a-in-a-folder/')('h1').text()).toBe(`${SECRET} in a folder`);
    expect(readFileSync(path.join(dist, 'files/secret.txt'), 'utf8')).toBe(`${SECRET}\n`);
  });

  it('is still refused next to an allowOutside that lists another folder', async () => {
    const root = makeSite({ ...GOOD, 'site.config.json': JSON.stringify({ allowOutside: [path.join(outside, 'photos')] }) });
    link(root, 'content/2025/12/x.md', path.join(outside, 'secret.md'));
    const problems = await failure(root);
    expect(problems.map((p) => [p.code, p.file])).toEqual([['symlink-outside', 'content/2025/12/x.md']]);
  });
});

describe.concurrent('a symlink inside the site', () => {
  it('works for content, static and template files and folders', async () => {
    const root = makeSite({
      ...GOOD,
      'wire-desk/wire.md': article({ title: 'From the wire', date: '2025-12-17' }),
      'archive-2024/old.md': article({ title: 'An older story', date: '2024-05-01' }),
      'pictures/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      'pictures/maps/almaty.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>Almaty</title></svg>\n',
      'theme/card.liquid': '<article class="card linked-card"><h2><a href="{{ item.url | url }}">{{ item.title }}</a></h2></article>\n',
    });
    link(root, 'content/2025/12/wire.md', '../../../wire-desk/wire.md');
    link(root, 'content/2024', '../archive-2024');
    link(root, 'static/logo.svg', '../pictures/logo.svg');
    link(root, 'static/maps', '../pictures/maps');
    link(root, 'templates/partials/article-card.liquid', '../../theme/card.liquid');
    await build({ root, now: NOW });
    const dist = path.join(root, 'dist');
    expect(page(dist, '/2025/12/17/from-the-wire/')('h1').text()).toBe('From the wire');
    expect(page(dist, '/2024/05/01/an-older-story/')('h1').text()).toBe('An older story');
    expect(readFileSync(path.join(dist, 'logo.svg'), 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    expect(readFileSync(path.join(dist, 'maps/almaty.svg'), 'utf8')).toContain('<title>Almaty</title>');
    // The home page leads with the newest; the linked card template shows a list's articles.
    expect(page(dist, '/')('.lead-story h2').text()).toBe('A good article');
    const $ = page(dist, '/topics/news/');
    expect($('.linked-card h2').map((_, h2) => $(h2).text()).get()).toEqual(['From the wire', 'An older story']);
  });

  it('back to a folder it is in is an error, not an endless walk', async () => {
    const root = makeSite(GOOD);
    link(root, 'content/2025/loop', '..');
    const problems = await failure(root);
    expect(problems.map((p) => [p.code, p.file, p.message])).toEqual([['symlink-loop', 'content/2025/loop', 'links to content, a folder it is inside: not read']]);
  });
});

describe.concurrent('a broken symlink', () => {
  it('is an error naming it and where it points, in content and templates alike', async () => {
    const run = await failingRebuild({
      'content/2025/12/gone.md': 'nowhere.md',
      'content/2025/12/self.md': 'self.md',
      'templates/partials/gone.liquid': '/nonexistent/gone.liquid',
    });
    expect(sortProblems(run.problems).map((p) => [p.code, p.file, p.message])).toEqual([
      ['symlink-broken', 'content/2025/12/gone.md', 'links to content/2025/12/nowhere.md, which does not exist: not read'],
      ['symlink-broken', 'content/2025/12/self.md', 'links to content/2025/12/self.md, which leads back to itself: not read'],
      ['symlink-broken', 'templates/partials/gone.liquid', 'links to /nonexistent/gone.liquid, which does not exist: not read'],
    ]);
    expect(run.after).toEqual(run.before);
  });

  it('in static/ is an error too (reported once content and templates have none)', async () => {
    const run = await failingRebuild({ 'static/gone.png': '../nowhere.png' });
    expect(run.problems.map((p) => [p.code, p.file, p.message])).toEqual([['symlink-broken', 'static/gone.png', 'links to nowhere.png, which does not exist: not read']]);
    expect(run.after).toEqual(run.before);
  });
});

describe('the dev server', () => {
  it('refuses a changed file that links outside, as the build does, and writes nothing', async () => {
    const root = makeSite(GOOD);
    const { site, result } = await DevSite.start({ root, now: () => NOW });
    expect(result.ok).toBe(true);
    const dist = path.join(root, 'dist');
    const before = snapshot(dist);
    link(root, 'content/2025/12/x.md', path.join(outside, 'secret.md'));
    link(root, 'content/photos', path.join(outside, 'photos'));
    // As chokidar reports them: it follows links, and names files by the link's path.
    const paths = ['content/2025/12/x.md', 'content/photos/secret.md'].map((file) => path.join(root, file));
    const update = await site.update({ paths });
    await site.close();
    expect(update.ok).toBe(false);
    expect(update.ok ? [] : sortProblems(update.problems).map((p) => [p.code, p.file])).toEqual([
      ['symlink-outside', 'content/2025/12/x.md'],
      ['symlink-outside', 'content/photos/secret.md'],
    ]);
    expect(snapshot(dist)).toEqual(before);
  });

  it('reads only the changed files that exist and stay inside the site', async () => {
    const root = makeSite({ ...GOOD, 'content/2025/12/inside.md': article({ title: 'Inside', date: '2025-12-18' }) });
    link(root, 'content/2025/12/x.md', path.join(outside, 'secret.md'));
    link(root, 'content/2025/12/alias.md', 'inside.md');
    const found = existingContentFiles(await loadConfig(root), ['2025/12/x.md', '2025/12/inside.md', '2025/12/alias.md', '2025/12/deleted.md']);
    expect(found.files).toEqual(['2025/12/alias.md', '2025/12/inside.md']);
    expect(found.problems.map((p) => [p.code, p.file])).toEqual([['symlink-outside', 'content/2025/12/x.md']]);
  });
});

describe('the allowOutside option', () => {
  it('must be a list of folders', async () => {
    const root = makeSite({ ...GOOD, 'site.config.json': JSON.stringify({ allowOutside: '/srv/photos' }) });
    const problems = await failure(root);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['config-invalid', 'allowOutside']]);
  });
});

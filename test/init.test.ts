// `broadsheet init` and `broadsheet eject`, in-process: the files a new site gets and what they
// say, the folders init refuses, and the default templates a site takes a copy of. The installed
// command, from a packed tarball, is test/package.test.ts's.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultTemplateFiles, ejectTemplates, templateFilesNamed, UnknownTemplate } from '../src/authoring/eject.js';
import { initSite, WORKFLOW_FILE, type InitSettings } from '../src/authoring/init/index.js';
import { DEFAULT_TEMPLATES } from '../src/pages/templates.js';
import { SystemFailure } from '../src/write/os-errors.js';
import { buildFolderInMemory } from './helpers/memory-site.js';
import { listFiles, makeSite, REPO } from './helpers/site.js';

const SETTINGS: InitSettings = { title: 'Steppe *Times*', baseUrl: 'https://news.example.org/', language: 'kk', timeZone: 'Asia/Almaty', template: 'sample' };

/** The site's config made to import Broadsheet from this checkout, as an installed site imports 'broadsheet'. */
function pointConfigHere(root: string): void {
  const file = path.join(root, 'site.config.ts');
  writeFileSync(file, readFileSync(file, 'utf8').replace("'broadsheet'", JSON.stringify(path.join(REPO, 'src/config.ts'))));
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe('broadsheet init', () => {
  it('writes a site that builds with the settings given: its title, address, language and time zone', async () => {
    const root = path.join(makeSite({}), 'steppe-times');
    const outcome = initSite(root, SETTINGS);
    expect(outcome.written).toEqual(['package.json', 'site.config.ts', '.gitignore', 'README.md', WORKFLOW_FILE, expect.stringMatching(/^content\/\d{4}\/\d\d\/welcome\.md$/)]);
    pointConfigHere(root);
    const site = await buildFolderInMemory(root);
    expect(site.problems).toEqual([]);
    const home = site.page('/');
    expect(home('title').text()).toBe('Steppe *Times*');
    expect(home('html').attr('lang')).toBe('kk');
    expect(home('link[rel="canonical"]').attr('href')).toBe('https://news.example.org/');
    expect(site.result!.site.articles.map((article) => article.title)).toEqual(['Welcome to Steppe *Times*']);
    expect(site.result!.config.timeZone).toBe('Asia/Almaty');
    // Markdown's markup in the title is text in the README's heading.
    expect(read(root, 'README.md').split('\n')[0]).toBe('# Steppe \\*Times\\*');
  });

  it('gives the site npm scripts for every command, a dependency on Broadsheet and ES modules', () => {
    const root = makeSite({});
    initSite(root, { ...SETTINGS, template: 'minimal' });
    const manifest = JSON.parse(read(root, 'package.json')) as { type: string; private: boolean; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.scripts).toEqual({ build: 'broadsheet build', dev: 'broadsheet dev', check: 'broadsheet check', new: 'broadsheet new', import: 'broadsheet import' });
    const { version } = JSON.parse(read(REPO, 'package.json')) as { version: string };
    expect(manifest.dependencies).toEqual({ broadsheet: `^${version}` });
    expect(manifest).toMatchObject({ type: 'module', private: true });
    // minimal: no article, but a content folder a clone has too.
    expect(listFiles(path.join(root, 'content'))).toEqual(['.gitkeep']);
  });

  it('ignores what Broadsheet makes: dist (a link, so no slash), .dist.builds/, .cache/', () => {
    const root = makeSite({});
    initSite(root, SETTINGS);
    const lines = read(root, '.gitignore').split('\n');
    for (const line of ['dist', '.dist.builds/', '.cache/', 'node_modules/']) expect(lines).toContain(line);
    expect(lines).not.toContain('dist/');
  });

  it('writes a GitHub workflow that checks pull requests with annotations and publishes pushes with Pages, keeping .cache/ and the output', () => {
    const root = makeSite({});
    initSite(root, SETTINGS);
    const workflow = parseYaml(read(root, WORKFLOW_FILE)) as {
      on: Record<string, unknown>;
      jobs: Record<string, { if?: string; steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request', 'schedule', 'workflow_dispatch']);
    expect(workflow.jobs.check!.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.check!.steps.map((step) => step.run).filter(Boolean)).toEqual(['npm ci', 'npm run check -- --format github']);
    const build = workflow.jobs.build!.steps;
    // The cache and the last output (the link and both trees): a publish in CI continues from the last build.
    expect(build.find((step) => step.uses === 'actions/cache@v4')?.with?.path?.trim().split('\n')).toEqual(['.cache', 'dist', '.dist.builds']);
    expect(build.find((step) => step.run?.startsWith('npm run build'))?.run).toBe('npm run build -- --base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(build.find((step) => step.uses === 'actions/upload-pages-artifact@v3')?.with?.path).toBe('dist');
    expect(workflow.jobs.deploy!.steps[0]!.uses).toBe('actions/deploy-pages@v4');
  });

  it('leaves baseUrl to be set later when none is given, with a line saying so', () => {
    const root = makeSite({});
    initSite(root, { ...SETTINGS, baseUrl: undefined });
    const config = read(root, 'site.config.ts');
    expect(config).not.toMatch(/^\s*baseUrl:/m);
    expect(config).toMatch(/^\s*\/\/ baseUrl: 'https:\/\/news\.example\.org\/',$/m);
  });

  it('refuses a folder that is not empty, naming what is in it, and writes nothing', () => {
    const root = makeSite({ 'notes.txt': 'mine' });
    const refused = (() => {
      try {
        initSite(root, SETTINGS);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(SystemFailure);
    expect((refused as Error).message).toMatch(/is not empty \(notes\.txt\)\. Start the site in a new folder \(broadsheet init my-site\), or add --force/);
    expect(listFiles(root)).toEqual(['notes.txt']);
  });

  it('takes a folder where Broadsheet was just installed: package.json keeps its fields and its Broadsheet', () => {
    const root = makeSite({
      'package.json': JSON.stringify({ dependencies: { broadsheet: 'file:broadsheet-0.1.0.tgz', sharp: '^0.35.0' }, scripts: { build: 'make site' } }),
      'package-lock.json': '{}',
      'node_modules/broadsheet/package.json': '{}',
    });
    const outcome = initSite(root, SETTINGS);
    expect(outcome.merged).toEqual(['package.json']);
    const manifest = JSON.parse(read(root, 'package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ broadsheet: 'file:broadsheet-0.1.0.tgz', sharp: '^0.35.0' });
    expect(manifest.scripts.build).toBe('make site');
    expect(manifest.scripts.check).toBe('broadsheet check');
  });

  it('in a folder of a project that installed Broadsheet from a tarball, depends on that tarball, its path seen from the site', () => {
    const project = makeSite({ 'package.json': JSON.stringify({ dependencies: { broadsheet: 'file:../packages/broadsheet-0.1.0.tgz' } }) });
    initSite(path.join(project, 'sites/steppe'), SETTINGS);
    const manifest = JSON.parse(read(project, 'sites/steppe/package.json')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ broadsheet: 'file:../../../packages/broadsheet-0.1.0.tgz' });
    expect(path.resolve(project, 'sites/steppe', manifest.dependencies.broadsheet!.slice('file:'.length))).toBe(path.resolve(project, '../packages/broadsheet-0.1.0.tgz'));
  });

  it('with --force, adds what is missing and keeps every file that was there', () => {
    const root = makeSite({ 'site.config.ts': 'export default { title: "Mine" };\n', '.gitignore': 'secrets/\n', 'notes.txt': 'mine' });
    const outcome = initSite(root, SETTINGS, { force: true });
    expect(outcome.kept).toEqual(['site.config.ts']);
    expect(outcome.merged).toEqual(['.gitignore']);
    expect(read(root, 'site.config.ts')).toBe('export default { title: "Mine" };\n');
    expect(read(root, '.gitignore')).toMatch(/^secrets\/\n\n#[^\n]*\n#[^\n]*\nnode_modules\/\ndist\n\.dist\.builds\/\n\.cache\/\n$/);
    expect(existsSync(path.join(root, 'README.md'))).toBe(true);
  });
});

describe('broadsheet eject', () => {
  it('lists the default theme: page templates, partials, layouts and assets', () => {
    const files = defaultTemplateFiles();
    for (const file of ['article.liquid', 'home.liquid', 'layouts/base.liquid', 'assets/style.css']) expect(files).toContain(file);
    expect(files.some((file) => file.startsWith('partials/'))).toBe(true);
  });

  it('takes a template by name with or without its extension, or a folder', () => {
    expect(templateFilesNamed(['article', 'layouts/base.liquid', 'templates/assets/style.css'])).toEqual(['article.liquid', 'assets/style.css', 'layouts/base.liquid']);
    expect(templateFilesNamed(['partials'])).toEqual(defaultTemplateFiles().filter((file) => file.startsWith('partials/')));
    expect(() => templateFilesNamed(['artcle'])).toThrow(UnknownTemplate);
  });

  it("copies into the site's templates/, which the build then uses instead of the default", async () => {
    const root = makeSite({ 'site.config.ts': "export default { title: 'T' };\n", 'content/2025/12/a.md': '---\ntitle: A\ndate: 2025-12-18\n---\n\nText.\n' });
    expect(ejectTemplates(path.join(root, 'templates'), ['layouts/base.liquid'])).toEqual(['layouts/base.liquid']);
    expect(read(root, 'templates/layouts/base.liquid')).toBe(readFileSync(path.join(DEFAULT_TEMPLATES, 'layouts/base.liquid'), 'utf8'));
    writeFileSync(path.join(root, 'templates/layouts/base.liquid'), read(root, 'templates/layouts/base.liquid').replace('<body', '<body data-edited="yes"'));
    const site = await buildFolderInMemory(root, { now: Date.parse('2026-01-01') });
    expect(site.page('/2025/12/18/a/')('body').attr('data-edited')).toBe('yes');
  });

  it('refuses to replace a copy the site has, unless forced', () => {
    const root = makeSite({ 'templates/article.liquid': 'mine' });
    expect(() => ejectTemplates(path.join(root, 'templates'), ['article.liquid', 'home.liquid'])).toThrow(/The site already has .*templates\/article\.liquid: nothing was copied\. Add --force/);
    expect(read(root, 'templates/article.liquid')).toBe('mine');
    expect(existsSync(path.join(root, 'templates/home.liquid'))).toBe(false);
    ejectTemplates(path.join(root, 'templates'), ['article.liquid'], { force: true });
    expect(read(root, 'templates/article.liquid')).toBe(readFileSync(path.join(DEFAULT_TEMPLATES, 'article.liquid'), 'utf8'));
  });
});

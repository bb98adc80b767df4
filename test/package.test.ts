// Broadsheet as a newsroom installs it: `npm pack` of this checkout, installed from the tarball
// into a new site folder whose site.config.ts imports from 'broadsheet', then built with the
// installed command. This is the compiled package (lib/bundle/, scripts/bundle.ts), without src/
// or tsx's help for our own code; the install (~5 s from npm's cache) is done once for the file.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { THREAD_ENTRIES } from '../src/installation.js';
import { tracked } from './helpers/children.js';
import { photo } from './helpers/photos.js';
import { article, makeSite, page, REPO, writeFiles } from './helpers/site.js';

const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a command to its end; a failing exit is a result, not a throw. */
async function outcome(command: string, args: string[], cwd: string): Promise<Outcome> {
  try {
    const running = run(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 24 });
    tracked(running.child);
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

let packed: string[];
let site: string;
/** The packed tarball's path. */
let tarball: string;

beforeAll(async () => {
  const folder = makeSite({});
  // `npm pack` runs `prepare`, so the tarball holds a fresh compile, as a release would.
  const pack = await outcome('npm', ['pack', '--json', '--pack-destination', folder], REPO);
  expect(pack.code, pack.stderr).toBe(0);
  const [package_] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  packed = package_!.files.map((file) => file.path);
  tarball = path.join(folder, package_!.filename);
  site = makeSite({
    'site.config.ts': [
      "import { defineConfig } from 'broadsheet';",
      '',
      "export default defineConfig({ title: 'Steppe Times', baseUrl: 'https://example.org/', timeZone: 'Asia/Almaty' });",
      '',
    ].join('\n'),
    'content/2025/12/flight.md': article({ title: 'New direct flight to Tbilisi', date: '2025-12-18 19:20', topic: 'Transport', image: 'flight.jpg', imageAlt: 'The first plane at the gate' }),
    // Made by the image process, started from the installed package's compiled files.
    'content/2025/12/flight.jpg': await photo(800, 600),
    'content/2025/12/concert.md': article({ title: 'Concert in Vienna', date: '2025-12-17 18:00', topic: 'Culture' }),
  });
  const install = await outcome('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], site);
  expect(install.code, install.stderr).toBe(0);
}, 180_000);

describe('the npm package', () => {
  it('holds the bundled library and CLI, the declarations and the default theme, not the sources, tests or unbundled modules', () => {
    const bundle = ['cli', 'index', ...THREAD_ENTRIES].map((name) => `lib/bundle/${name}.js`);
    for (const file of ['bin/broadsheet.js', ...bundle, 'lib/src/index.d.ts', 'lib/src/config.d.ts', 'templates/home.liquid', 'README.md', 'docs/errors.md', 'LICENSE']) {
      expect(packed).toContain(file);
    }
    expect(packed.filter((file) => /^(src|test|scripts|lib\/scripts)\//.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts')))).toEqual([]);
    expect(packed.filter((file) => file.startsWith('lib/src/') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it("builds a new site whose site.config.ts imports defineConfig from 'broadsheet', with the installed command", async () => {
    // Two threads: the compiled worker entry starts too.
    const result = await outcome(path.join(site, 'node_modules/.bin/broadsheet'), ['build', '--threads', '2'], site);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Built 2 articles .* 2 rendered on 2 threads/);
    const home = page(path.join(site, 'dist'), '/');
    expect(home('title').text()).toBe('Steppe Times');
    expect(home('main article h2, main article h3').map((_, heading) => home(heading).text().trim()).get()).toEqual(['New direct flight to Tbilisi', 'Concert in Vienna']);
    const flight = page(path.join(site, 'dist'), '/2025/12/18/new-direct-flight-to-tbilisi/');
    expect(flight('article picture img').attr('alt')).toBe('The first plane at the gate');
    expect(flight('article picture source[type="image/avif"]').attr('srcset')).toMatch(/\.avif \d+w/);

    // A publish: the cache's index and manifest read back, the content scanned on the bundle's thread, the saved state continued from.
    writeFiles(site, { 'content/2025/12/opera.md': article({ title: 'Opera season opens', date: '2025-12-19 19:00', topic: 'Culture' }) });
    const published = await outcome(path.join(site, 'node_modules/.bin/broadsheet'), ['build'], site);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(/\(updated: 1 article changed since the last build\).*articles: 2 from cache, 1 rendered/);
    const after = page(path.join(site, 'dist'), '/');
    expect(after('main article h2, main article h3').map((_, heading) => after(heading).text().trim()).get()).toEqual(['Opera season opens', 'New direct flight to Tbilisi', 'Concert in Vienna']);
  });

  it("types a config: site.config.ts checks, a wrong option's value is an error at that option", async () => {
    writeFiles(site, { 'typo.config.ts': "import { defineConfig } from 'broadsheet';\n\nexport default defineConfig({ pageSize: 'twenty' });\n" });
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const result = await outcome(process.execPath, [tsc, ...options, 'site.config.ts', 'typo.config.ts'], site);
    expect(result.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^typo\.config\.ts\(3,31\): error TS2322: Type 'string' is not assignable to type 'number'/)]);
  });
});

describe('a new site from npx broadsheet init, in an empty folder', () => {
  // As the README's quick start: npm install of the package, init --yes, npm run build and check.
  let root: string;
  let init: Outcome;
  beforeAll(async () => {
    root = makeSite({});
    const install = await outcome('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], root);
    expect(install.code, install.stderr).toBe(0);
    init = await outcome(path.join(root, 'node_modules/.bin/broadsheet'), ['init', '--yes', '--title', 'Steppe Times', '--time-zone', 'Asia/Almaty'], root);
  }, 180_000);

  it('writes the site, keeps the installed Broadsheet and starts a git repository', () => {
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Wrote site.config.ts\n');
    expect(init.stdout).toContain('Added to package.json\n');
    expect(init.stdout).toContain('Broadsheet is already installed here.\n');
    expect(init.stdout).toContain('Started a git repository.\n');
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(manifest.dependencies.broadsheet).toMatch(/^file:.*broadsheet-[\d.]+\.tgz$/);
    expect(manifest.scripts.build).toBe('broadsheet build');
  });

  it('builds with npm run build, saying once that baseUrl is still this machine, and git ignores what the build made', async () => {
    const built = await outcome('npm', ['run', 'build'], root);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout.match(/^Note: baseUrl is http:\/\/localhost:4321\/, this machine/gm)).toHaveLength(1);
    expect(built.stdout).toMatch(/^Built 1 article into /m);
    expect(page(path.join(root, 'dist'), '/')('title').text()).toBe('Steppe Times');
    const status = await outcome('git', ['status', '--porcelain', '--untracked-files=all'], root);
    const untracked = status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
    expect(untracked).toEqual(['.github/workflows/pages.yml', '.gitignore', 'README.md', expect.stringMatching(/^content\/\d{4}\/\d\d\/welcome\.md$/), 'package-lock.json', 'package.json', 'site.config.ts']);
  });

  it('npm run check -- --format github marks a broken article on its line', async () => {
    writeFiles(root, { 'content/broken.md': '---\ntitle: Broken\ndate: tomorrow\n---\n\nText.\n' });
    const checked = await outcome('npm', ['run', 'check', '--', '--format', 'github'], root);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^::error file=content\/broken\.md,line=3,col=7,title=\[date-invalid\] Date cannot be read::date: /m);
  });

  it('npm run check names, under each problem, the section of the installed docs/errors.md on its code', async () => {
    const checked = await outcome('npm', ['run', 'check'], root);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/^content\/broken\.md:3:7 error date: .*\[date-invalid\]\n {4}hint: .*\n {4}see: node_modules\/broadsheet\/docs\/errors\.md#date-invalid$/m);
    const doc = readFileSync(path.join(root, 'node_modules/broadsheet/docs/errors.md'), 'utf8');
    expect(doc.split('\n')).toContain('### `date-invalid`');
  });

  it("ejects a template from the installed package's default theme", async () => {
    const ejected = await outcome(path.join(root, 'node_modules/.bin/broadsheet'), ['eject', 'article'], root);
    expect(ejected.code, ejected.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'templates/article.liquid'), 'utf8')).toBe(readFileSync(path.join(REPO, 'templates/article.liquid'), 'utf8'));
  });
});

// Broadsheet as a newsroom installs it: `npm pack` of this checkout, installed from the tarball
// into a new site folder whose site.config.ts imports from 'broadsheet', then built with the
// installed command. This is the compiled package (lib/), without src/ or tsx's help for our
// own code; the install (~5 s from npm's cache) is done once for the file.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tracked } from './helpers/children.js';
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

beforeAll(async () => {
  const folder = makeSite({});
  // `npm pack` runs `prepare`, so the tarball holds a fresh compile, as a release would.
  const pack = await outcome('npm', ['pack', '--json', '--pack-destination', folder], REPO);
  expect(pack.code, pack.stderr).toBe(0);
  const [tarball] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  packed = tarball!.files.map((file) => file.path);
  site = makeSite({
    'site.config.ts': [
      "import { defineConfig } from 'broadsheet';",
      '',
      "export default defineConfig({ title: 'Steppe Times', baseUrl: 'https://example.org/', timeZone: 'Asia/Almaty' });",
      '',
    ].join('\n'),
    'content/2025/12/flight.md': article({ title: 'New direct flight to Tbilisi', date: '2025-12-18 19:20', topic: 'Transport' }),
    'content/2025/12/concert.md': article({ title: 'Concert in Vienna', date: '2025-12-17 18:00', topic: 'Culture' }),
  });
  const install = await outcome('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(folder, tarball!.filename)], site);
  expect(install.code, install.stderr).toBe(0);
}, 180_000);

describe('the npm package', () => {
  it('holds the compiled library, its declarations, the CLI and the default theme, not the sources or tests', () => {
    for (const file of ['bin/broadsheet.js', 'lib/scripts/cli.js', 'lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/workers/entry.js', 'templates/home.liquid', 'README.md']) {
      expect(packed).toContain(file);
    }
    expect(packed.filter((file) => /^(src|test|scripts)\//.test(file) || file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it("builds a new site whose site.config.ts imports defineConfig from 'broadsheet', with the installed command", async () => {
    // Two threads: the compiled worker entry starts too.
    const result = await outcome(path.join(site, 'node_modules/.bin/broadsheet'), ['build', '--threads', '2'], site);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Built 2 articles .* 2 rendered on 2 threads/);
    const home = page(path.join(site, 'dist'), '/');
    expect(home('title').text()).toBe('Steppe Times');
    expect(home('main article h2, main article h3').map((_, heading) => home(heading).text().trim()).get()).toEqual(['New direct flight to Tbilisi', 'Concert in Vienna']);
    expect(existsSync(path.join(site, 'dist/2025/12/18/new-direct-flight-to-tbilisi/index.html'))).toBe(true);
  });

  it("types a config: site.config.ts checks, a wrong option's value is an error at that option", async () => {
    writeFiles(site, { 'typo.config.ts': "import { defineConfig } from 'broadsheet';\n\nexport default defineConfig({ pageSize: 'twenty' });\n" });
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const result = await outcome(process.execPath, [tsc, ...options, 'site.config.ts', 'typo.config.ts'], site);
    expect(result.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^typo\.config\.ts\(3,31\): error TS2322: Type 'string' is not assignable to type 'number'/)]);
  });
});

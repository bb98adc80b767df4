// The commands as a user runs them: what they print, what they write, their exit codes. Each
// spawn of the CLI costs a second of start-up, so one spawn shows several flags where it can, and
// what the build does once the flags are read is tested in-process.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { summaryLine } from '../src/report.js';
import { article, listFiles, makeSite, page, REPO, runCli, type CliResult } from './helpers/site.js';

const SITE = {
  'site.config.ts': `export default { title: 'Steppe Times' };\n`,
  'content/2025/12/a.md': article({ title: 'Published', date: '2025-12-18 19:20', topic: 'Culture', tags: '[Almaty, Vienna]' }),
  'content/2025/12/b.md': article({ title: 'Still a draft', date: '2025-12-18', draft: 'true' }),
  'content/2099/01/c.md': article({ title: 'From the future', date: '2099-01-01' }),
  'content/2025/12/d.md': article({ title: 'Has extras', date: '2025-12-17', mood: 'sunny' }),
};

describe('broadsheet --version', () => {
  it("prints the package's version and exits 0", async () => {
    const result = await runCli(['--version'], REPO);
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('broadsheet build', () => {
  it('ends with a summary line and lists what it left out', async () => {
    const root = makeSite(SITE);
    const result = await runCli(['build'], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Left out 1 draft \(build with --drafts to include\): content\/2025\/12\/b\.md$/m);
    expect(result.stdout).toMatch(/^Left out 1 scheduled article \(build with --future to include\): content\/2099\/01\/c\.md$/m);
    expect(result.stdout).toMatch(/^Built 2 articles into \d+ pages, \d+ feed files and 3 sitemap files in \d+\.\d\d s; 2 topics, 2 tags; articles: 0 from cache, 4 rendered on 1 thread; pages rendered: \d+; files: \d+ written, 0 unchanged, 0 deleted$/m);
    expect(result.stderr).toBe('');
  });

  it('writes its figures to --stats FILE: the counts the summary gives, and every phase with its wall and CPU time', async () => {
    const root = makeSite(SITE);
    const result = await runCli(['build', '--quiet', '--stats', 'stats.json'], root);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(readFileSync(path.join(root, 'stats.json'), 'utf8')) as { articles: number; pages: number; peakRssMb: number; phases: Array<{ name: string; ms: number; cpuMs: number }> };
    expect(stats.articles).toBe(2);
    expect(stats.pages).toBe(listFiles(path.join(root, 'dist')).filter((file) => file.endsWith('.html')).length);
    expect(stats.peakRssMb).toBeGreaterThan(0);
    const names = stats.phases.map((phase) => phase.name);
    for (const name of ['Config and templates', 'Rendering articles', 'Rendering pages', 'Writing feeds', 'Committing the output']) expect(names).toContain(name);
    for (const phase of stats.phases) expect(phase.ms >= 0 && phase.cpuMs >= 0, phase.name).toBe(true);
  });

  it('reports unknown front-matter fields only with --strict, and then fails', async () => {
    const root = makeSite(SITE);
    const strict = await runCli(['build', '--strict'], root);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/content\/2025\/12\/d\.md:4:7 error mood: unknown field/);
    expect(listFiles(root).some((f) => f.startsWith('dist/'))).toBe(false);
  });

  it('loads a site.config.ts that imports TypeScript: a helper of the site, and Broadsheet from a checkout', async () => {
    // The site folder has no package.json, so its config runs as CommonJS: the case that needs
    // tsx's CommonJS hooks as well.
    const root = makeSite({
      ...SITE,
      'config/title.ts': "export const title: string = 'Steppe Times Weekly';\n",
      'site.config.ts': [
        "import { title } from './config/title.ts';",
        `import { defineConfig } from ${JSON.stringify(path.join(REPO, 'src/config.ts'))};`,
        'export default defineConfig({ title });',
        '',
      ].join('\n'),
    });
    const result = await runCli(['build', '--quiet'], root);
    expect(result.code, result.stderr).toBe(0);
    expect(page(path.join(root, 'dist'), '/')('title').text()).toBe('Steppe Times Weekly');
  });

  it('a second build of unchanged content rewrites nothing', async () => {
    const root = makeSite(SITE);
    await build({ root, threads: 1 });
    const second = await build({ root, threads: 1 });
    expect(summaryLine(second.stats)).toMatch(/articles: 4 from cache, 0 rendered on 1 thread; pages rendered: 0; files: 0 written, \d+ unchanged, 0 deleted$/);
  });
});

describe('broadsheet build flags', () => {
  // One build, run from the parent folder, with every flag that changes what is built and where.
  let root: string;
  let result: CliResult;
  beforeAll(async () => {
    root = makeSite(SITE);
    result = await runCli(['build', '--root', root, '--out', 'public', '--drafts', '--future', '--no-cache', '--base-url', 'https://mirror.example/', '--quiet'], path.dirname(root));
  });

  it('prints nothing with --quiet', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('includes drafts and scheduled articles with --drafts and --future', () => {
    const files = listFiles(path.join(root, 'public'));
    expect(files).toContain('2025/12/18/still-a-draft/index.html');
    expect(files).toContain('2099/01/01/from-the-future/index.html');
  });

  it('writes to --out and uses --root', () => {
    expect(listFiles(path.join(root, 'public'))).toContain('index.html');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    expect(existsSync(path.join(path.dirname(root), 'public'))).toBe(false);
  });

  it('takes the base URL from --base-url', () => {
    expect(page(path.join(root, 'public'), '/')('link[rel="canonical"]').attr('href')).toBe('https://mirror.example/');
  });

  it('leaves .cache/ alone with --no-cache', () => {
    expect(existsSync(path.join(root, '.cache'))).toBe(false);
  });
});

describe('broadsheet check', () => {
  it('validates everything and writes nothing', async () => {
    const root = makeSite(SITE);
    const ok = await runCli(['check'], root);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Checked 2 articles into \d+ pages, /m);
    expect(listFiles(root).some((f) => f.startsWith('dist/'))).toBe(false);

    const broken = makeSite({ ...SITE, 'content/bad.md': '---\ntitle: Bad\ndate: soon\n---\n' });
    const failed = await runCli(['check'], broken);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/content\/bad\.md:3:7 error date:/);
  });
});

describe('broadsheet new', () => {
  it('writes a draft with valid front-matter that then builds', async () => {
    const root = makeSite({ 'site.config.ts': `export default { title: 'T' };\n` });
    const result = await runCli(['new', 'Qazaq concert in Vienna', '--topic', 'Culture', '--tags', 'Vienna, Austria'], root, {
      SOURCE_DATE_EPOCH: String(Date.parse('2025-12-18T14:20:00Z') / 1000),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Wrote content/2025/12/qazaq-concert-in-vienna.md\n');
    const text = readFileSync(path.join(root, 'content/2025/12/qazaq-concert-in-vienna.md'), 'utf8');
    expect(text).toContain('title: Qazaq concert in Vienna\n');
    expect(text).toContain('date: 2025-12-18T19:20:00+05:00\n');
    expect(text).toContain('tags:\n  - Vienna\n  - Austria\n');
    expect(text).toContain('draft: true\n');

    await build({ root, drafts: true, threads: 1 });
    expect(page(path.join(root, 'dist'), '/2025/12/18/qazaq-concert-in-vienna/')('h1').text()).toBe('Qazaq concert in Vienna');
  });

  it('refuses to overwrite an existing article', async () => {
    const root = makeSite({ 'content/2025/12/taken.md': article({ title: 'Taken', date: '2025-12-18' }) });
    const result = await runCli(['new', 'Taken', '--date', '2025-12-18'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/2025\/12\/taken\.md:1:1 error an article file with this name already exists/);
    expect(readFileSync(path.join(root, 'content/2025/12/taken.md'), 'utf8')).toContain('title: Taken');
  });

  it('needs a title', async () => {
    const result = await runCli(['new'], makeSite({}));
    expect(result.code).toBe(2);
  });
});

describe('broadsheet dev', () => {
  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const root = makeSite(SITE);
      const result = await runCli(['dev', '--port', String(port)], root);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('rejects a port that is not a number', async () => {
    const result = await runCli(['dev', '--port', 'http'], makeSite(SITE));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number');
  });

  it('stops cleanly on Ctrl-C (SIGINT): exit code 0, port released', async () => {
    const root = makeSite(SITE);
    const child = spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'dev', '--port', '0'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Serving" line: ${output}`)), 50_000);
      child.stdout.on('data', () => {
        const match = /Serving (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect((await fetch(url)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopping.');
    await expect(fetch(url)).rejects.toThrow();
  });
});

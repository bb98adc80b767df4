// The commands as a user runs them: what they print, what they write, their exit codes. Parsing
// (help, suggestions, usage errors) runs in this process through the program's definitions; a
// spawn of the installed command costs a second, so it is kept for what only a process shows:
// the summary lines, files written, output formats, signals, and one usage error end to end.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../scripts/cli/program.js';
import { cliReference } from '../scripts/cli/reference.js';
import { createArticle } from '../src/authoring/new.js';
import { build } from '../src/build.js';
import { BuildFailure } from '../src/problems/index.js';
import { draftsShownLine, leftOutLines, summaryLine } from '../src/report.js';
import { lockSite } from '../src/write/lock.js';
import { buildFolderInMemory, buildInMemory } from './helpers/memory-site.js';
import { article, listFiles, makeSite, page, REPO, runCli, type CliResult } from './helpers/site.js';

const SITE = {
  'site.config.ts': `export default { title: 'Steppe Times' };\n`,
  'content/2025/12/a.md': article({ title: 'Published', date: '2025-12-18 19:20', topic: 'Culture', tags: '[Almaty, Vienna]' }),
  'content/2025/12/b.md': article({ title: 'Still a draft', date: '2025-12-18', draft: 'true' }),
  'content/2099/01/c.md': article({ title: 'From the future', date: '2099-01-01' }),
  'content/2025/12/d.md': article({ title: 'Has extras', date: '2025-12-17', mood: 'sunny' }),
};

/** `broadsheet ...args` parsed in this process: its exit code and what commander printed. */
async function parse(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runProgram(args, { writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const COMMANDS = ['build', 'check', 'dev', 'new', 'import', 'init', 'eject'];

describe('--help', () => {
  it.each(COMMANDS)('broadsheet %s --help lists each flag on one line and exits 0', async (name) => {
    const result = await parse([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: broadsheet ${name} `));
    const lines = result.stdout.split('\n');
    const options = lines.slice(lines.indexOf('Options:') + 1, lines.indexOf('', lines.indexOf('Options:')));
    expect(options.length).toBeGreaterThan(1);
    // A wrapped description would start a line with spaces and no flag.
    for (const line of options) expect(line).toMatch(/^ {2}-/);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(options.at(-1)).toMatch(/^ {2}-h, --help +show this help$/);
  });

  it('names the flags each command takes', async () => {
    expect((await parse(['build', '--help'])).stdout).toMatch(/--drafts[\s\S]*--no-cache[\s\S]*--format <format> +text \(default\), github \(annotations\) or json/);
    expect((await parse(['init', '--help'])).stdout).toMatch(/--title[\s\S]*--base-url[\s\S]*--lang[\s\S]*--time-zone[\s\S]*--template[\s\S]*--no-install[\s\S]*--no-git[\s\S]*-y, --yes[\s\S]*--force/);
    expect((await parse(['import', '--help'])).stdout).toMatch(/--from <format>[\s\S]*--uploads[\s\S]*--dry-run[\s\S]*--force[\s\S]*--quiet/);
  });

  it('broadsheet help lists the commands (exit 0); broadsheet alone is a usage error (exit 2)', async () => {
    const help = await parse(['help']);
    expect(help.code).toBe(0);
    for (const name of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    const bare = await parse([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: broadsheet');
  });

  it('docs/cli.md is the reference the definitions make (run `node --import tsx scripts/cli-reference.ts --write` after changing them)', () => {
    expect(readFileSync(path.join(REPO, 'docs/cli.md'), 'utf8')).toBe(cliReference());
  });

  it('--version prints the version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(await parse(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage errors (exit 2) say what was meant', () => {
  it('a misspelled command or flag: the nearest one', async () => {
    const command = await parse(['biuld']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("broadsheet: unknown command 'biuld'\n(Did you mean build?)\n(broadsheet --help lists the commands)\n");
    const flag = await parse(['build', '--draft']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("broadsheet build: unknown option '--draft'\n(Did you mean --drafts?)\n(broadsheet build --help lists its flags)\n");
    expect((await parse(['check', '--fromat', 'github'])).stderr).toContain('(Did you mean --format?)');
  });

  it.each([
    [['build', '--threads', '0'], "option '--threads <n>' argument '0' is invalid. Expected \"auto\" or a whole number of at least 1."],
    [['dev', '--port', 'http'], "option '--port <n>' argument 'http' is invalid. Expected a whole number from 0 to 65535"],
    [['check', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, github, json."],
    [['build', '--base-url', 'example.org'], "option '--base-url <url>' argument 'example.org' is invalid. Expected an absolute http(s) URL"],
    [['import', 'export.xml', '--from', 'hugoo'], "option '--from <format>' argument 'hugoo' is invalid. Did you mean hugo?"],
    [['init', '--lang', '12'], "option '--lang <code>' argument '12' is invalid. Expected a language tag such as en, kk or en-GB."],
    [['init', '--time-zone', 'Mars/Olympus'], "option '--time-zone <zone>' argument 'Mars/Olympus' is invalid. Expected an IANA time zone"],
    [['init', '--template', 'blog'], "option '--template <name>' argument 'blog' is invalid. Allowed choices are sample, minimal."],
  ])('a bad value: %j', async (args, message) => {
    const result = await parse(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`broadsheet ${args[0]}: ${message}`);
  });

  it('new --date x is refused against the flag, before the title is asked for', async () => {
    for (const args of [['new', '--date', 'x'], ['new', 'A title', '--date', 'x']]) {
      const result = await parse(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^broadsheet new: option '--date <date>' argument 'x' is invalid\. Expected an ISO 8601 date such as 2025-12-18/);
    }
  });

  it('new and import without what they need: a sentence, not a parser message', async () => {
    expect(await parse(['new'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^broadsheet new: a title is needed: broadsheet new "Headline" --topic Culture\n/) });
    expect(await parse(['import'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^broadsheet import: a source is needed: /) });
    expect(await parse(['new', 'Title', '--topic'])).toMatchObject({ code: 2, stderr: expect.stringContaining("option '--topic <name>' argument missing") });
  });

  it('eject of a template the theme does not have: the nearest', async () => {
    const result = await parse(['eject', 'artcle']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('broadsheet eject: there is no default template "artcle": did you mean article?');
  });

  it('the installed command exits 2 on a misspelled command and 0 on build --help', async () => {
    const root = makeSite({});
    const [misspelled, help] = await Promise.all([runCli(['biuld'], root), runCli(['build', '--help'], root)]);
    expect(misspelled).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('(Did you mean build?)') });
    expect(help).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining('--drafts') });
  });
});

describe('broadsheet build', () => {
  it('ends with a summary line, lists what it left out and says once that baseUrl is this machine', async () => {
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
    const result = await runCli(['build'], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Left out 1 draft \(build with --drafts to include\): content\/2025\/12\/b\.md$/m);
    expect(result.stdout).toMatch(/^Left out 1 scheduled article \(build with --future to include\): content\/2099\/01\/c\.md$/m);
    expect(result.stdout).toMatch(/^Built 2 articles into \d+ pages, \d+ feed files and 3 sitemap files in \d+\.\d\d s; 2 topics, 2 tags; articles: 0 from cache, 4 rendered on 1 thread; pages rendered: \d+; files: \d+ written, 0 unchanged, 0 deleted$/m);
    expect(result.stdout.match(/^Note: baseUrl is http:\/\/localhost:4321\/, this machine/gm)).toHaveLength(1);
    expect(result.stderr).toBe('');
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
    const flags = ['--root', root, '--out', 'public', '--drafts', '--future', '--no-cache', '--base-url', 'https://mirror.example/', '--quiet', '--stats', path.join(root, 'stats.json')];
    result = await runCli(['build', ...flags], path.dirname(root));
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

  it('writes its figures to --stats FILE: the counts the summary gives, and every phase with its wall and CPU time and the peak memory by its end', () => {
    const stats = JSON.parse(readFileSync(path.join(root, 'stats.json'), 'utf8')) as { articles: number; pages: number; peakRssMb: number; phases: Array<{ name: string; ms: number; cpuMs: number; peakRssMb: number }> };
    expect(stats.articles).toBe(4);
    expect(stats.pages).toBe(listFiles(path.join(root, 'public')).filter((file) => file.endsWith('.html')).length);
    expect(stats.peakRssMb).toBeGreaterThan(0);
    const names = stats.phases.map((phase) => phase.name);
    for (const name of ['Config and templates', 'Rendering articles', 'Rendering pages', 'Writing feeds', 'Committing the output']) expect(names).toContain(name);
    for (const phase of stats.phases) expect([phase.ms, phase.cpuMs].every((value) => Number.isFinite(value) && value >= 0), phase.name).toBe(true);
    // The times are measured, not left at zero: a build of four articles takes some CPU in all.
    expect(stats.phases.reduce((sum, phase) => sum + phase.cpuMs, 0)).toBeGreaterThan(0);
    expect(stats.phases.reduce((sum, phase) => sum + phase.ms, 0)).toBeGreaterThan(0);
    // The peak so far at each phase's end: never falling, and never above the whole build's.
    const peaks = stats.phases.map((phase) => phase.peakRssMb);
    expect(peaks[0]).toBeGreaterThan(0);
    for (let i = 1; i < peaks.length; i++) expect(peaks[i], stats.phases[i]!.name).toBeGreaterThanOrEqual(peaks[i - 1]!);
    expect(peaks.at(-1)).toBeLessThanOrEqual(stats.peakRssMb);
  });
});

describe('front-matter fields Broadsheet does not read', () => {
  const site = (fields: Record<string, string>) => ({ ...SITE, 'content/2025/12/e.md': article({ title: 'Spelt', date: '2025-12-16', ...fields }) });

  it('one that looks like a misspelled known field is a warning naming it', async () => {
    const result = await buildInMemory(site({ sumary: 'A summary', tgas: '[Almaty]', Title: 'Twice' }), { now: Date.parse('2026-01-01') });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((p) => [p.file, p.line, p.code, p.field, p.message])).toEqual([
      ['content/2025/12/e.md', 4, 'field-misspelled', 'sumary', 'unknown field: did you mean summary?'],
      ['content/2025/12/e.md', 5, 'field-misspelled', 'tgas', 'unknown field: did you mean tags?'],
      ['content/2025/12/e.md', 6, 'field-misspelled', 'Title', 'unknown field: did you mean title?'],
    ]);
  });

  it('any other is passed to templates in silence, and under --strict every one is an error', async () => {
    expect((await buildInMemory(SITE, { now: Date.parse('2026-01-01') })).warnings).toEqual([]);
    const strict = await buildInMemory(site({ sumary: 'A summary' }), { now: Date.parse('2026-01-01'), strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.field} [${p.code}]`).sort()).toEqual([
      'content/2025/12/d.md:4:7 error mood [field-unknown]',
      'content/2025/12/e.md:4:9 error sumary [field-misspelled]',
    ]);
  });
});

/** The text of a Markdown node and its children. */
function textOf(node: RootContent | Root): string {
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';
}

describe('broadsheet check', () => {
  const broken = {
    ...SITE,
    'content/bad.md': '---\ntitle: "Bad, really: 100%"\ndate: soon\n---\n',
    'content/2025/12/e.md': article({ title: 'Spelt', date: '2025-12-16', sumary: 'A summary' }),
  };

  it('writes nothing, says nothing of written files, and runs while another process holds the site (dev)', async () => {
    const root = makeSite(SITE);
    // This process stands for the dev server: it holds the site's lock.
    const lock = lockSite(path.join(root, '.cache'));
    try {
      const before = listFiles(root);
      const result = await runCli(['check'], root);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^Checked 2 articles, \d+ pages, \d+ feed files and 3 sitemap files in \d+\.\d\d s: no errors, no warnings$/m);
      expect(result.stdout).not.toMatch(/written|baseUrl/);
      expect(listFiles(root)).toEqual(before);
    } finally {
      lock.release();
    }
  });

  it('the text format: each problem with its hint, and where docs/errors.md explains its code', async () => {
    const root = makeSite(broken);
    const result = await runCli(['check'], root);
    expect(result.code).toBe(1);
    // The site is outside this checkout, so the path to its docs is absolute (in a site that
    // installed Broadsheet: node_modules/broadsheet/docs/errors.md; test/package.test.ts).
    const errorsDoc = path.join(REPO, 'docs/errors.md');
    expect(result.stderr.split('\n').filter((line) => /^\S|^ {4}see: /.test(line))).toEqual([
      'content/2025/12/e.md:4:9 warning sumary: unknown field: did you mean summary? [field-misspelled]',
      `    see: ${errorsDoc}#field-misspelled`,
      expect.stringMatching(/^content\/bad\.md:3:7 error date: is not a date Broadsheet can read; .* \[date-invalid\]$/),
      `    see: ${errorsDoc}#date-invalid`,
      'Check failed: 1 error in 1 file. Nothing is written by check.',
    ]);
  });

  it('--format github: annotations GitHub reads, escaped, and every problem in the step summary', async () => {
    const root = makeSite(broken);
    const result = await runCli(['check', '--root', path.basename(root), '--format', 'github'], path.dirname(root), { GITHUB_STEP_SUMMARY: path.join(root, 'summary.md') });
    expect(result.code).toBe(1);
    const file = `${path.basename(root)}/content`;
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      `::warning file=${file}/2025/12/e.md,line=4,col=9,title=[field-misspelled] Field name looks misspelled::sumary: unknown field: did you mean summary?%0Ahint: if you meant summary, correct the name; as it is, Broadsheet does not read it (templates see it as article.extra.sumary)`,
      expect.stringMatching(new RegExp(`^::error file=${file}/bad\\.md,line=3,col=7,title=\\[date-invalid\\] Date cannot be read::date: is not a date Broadsheet can read; expected .*, got "soon"%0Ahint: `)),
    ]);
    expect(result.stderr).toContain('Check failed: 1 error in 1 file.');
    const summary = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(path.join(root, 'summary.md'), 'utf8'));
    expect(textOf(summary.children[0]!)).toBe('broadsheet check failed: 1 error, 1 warning');
    const table = summary.children.find((node) => node.type === 'table')!;
    const rows = (table as { children: RootContent[] }).children.map((row) => (row as { children: RootContent[] }).children.map(textOf));
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['Where', 'Severity', 'Code'],
      [`${file}/2025/12/e.md:4:9`, 'warning', 'field-misspelled'],
      [`${file}/bad.md:3:7`, 'error', 'date-invalid'],
    ]);
  });

  it('--format json: one document with every problem, nothing else on stdout', async () => {
    const root = makeSite(broken);
    const result = await runCli(['check', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as { ok: boolean; errors: number; warnings: number; problems: Array<{ file: string; line: number; column: number; code: string; severity: string; field?: string; docs: string }> };
    expect(document).toMatchObject({ ok: false, errors: 1, warnings: 1 });
    expect(document.problems.map((p) => [p.file, p.line, p.column, p.severity, p.code, p.field])).toEqual([
      ['content/2025/12/e.md', 4, 9, 'warning', 'field-misspelled', 'sumary'],
      ['content/bad.md', 3, 7, 'error', 'date-invalid', 'date'],
    ]);
    const errorsDoc = path.join(REPO, 'docs/errors.md');
    expect(document.problems.map((p) => p.docs)).toEqual([`${errorsDoc}#field-misspelled`, `${errorsDoc}#date-invalid`]);
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

  it('with --lang, writes a translation under its language folder of a multilingual site, which builds it in that language; refuses a language the site lacks and a folder that is no site', async () => {
    const root = makeSite({ 'site.config.ts': "export default { title: 'Steppe', language: 'kk', languages: { kk: {}, ru: {}, en: {} } };\n" });
    expect(await createArticle({ root, title: 'Парламент принял бюджет', date: '2025-12-18 19:20', topic: 'Политика', lang: 'ru' })).toBe('content/ru/2025/12/parlament-prinyal-byudzhet.md');
    expect(await createArticle({ root, title: 'Бюджет қабылданды', date: '2025-12-18', topic: 'Саясат' })).toBe('content/2025/12/byudzhet-qabyldandy.md');
    const site = await buildFolderInMemory(root, { now: Date.parse('2026-01-01T00:00:00Z'), drafts: true });
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
    expect(site.page('/ru/2025/12/18/parlament-prinyal-byudzhet/')('html').attr('lang')).toBe('ru');
    const unknown = await createArticle({ root, title: 'Hallo', lang: 'de' }).catch((error: unknown) => error);
    expect((unknown as Error).message).toBe("--lang de is not one of the site's languages (kk, ru, en): give one of them, or add it to languages in site.config.ts.");
    const notASite = await createArticle({ root: path.join(root, 'content/ru'), title: 'Другой' }).catch((error: unknown) => error);
    expect((notASite as Error).message).toMatch(/is not a Broadsheet site: it has no site\.config\.ts and no content\/ folder/);
    expect(listFiles(path.join(root, 'content'))).toEqual(['2025/12/byudzhet-qabyldandy.md', 'ru/2025/12/parlament-prinyal-byudzhet.md']);
    // The command passes --lang on, and says a code the site lacks in one line, exit 1.
    const viaCli = await runCli(['new', 'Новости дня', '--lang', 'ru', '--date', '2025-12-19'], root);
    expect({ code: viaCli.code, stdout: viaCli.stdout }).toEqual({ code: 0, stdout: 'Wrote content/ru/2025/12/novosti-dnya.md\n' });
    const refusedCli = await runCli(['new', 'Hallo', '--lang', 'de'], root);
    expect(refusedCli.code).toBe(1);
    expect(refusedCli.stderr).toContain("--lang de is not one of the site's languages (kk, ru, en)");
  });

  it('refuses a --slug that is no slug, naming the option, not a place in a file it never wrote', async () => {
    const root = makeSite({ 'site.config.ts': "export default { title: 'Steppe' };\n" });
    const refused = await createArticle({ root, title: 'Escape', date: '2025-12-18', slug: '../../etc/x' }).catch((error: unknown) => error);
    expect((refused as Error).message).toBe(
      '--slug: has an invalid value; expected a slug of lowercase letters, digits and - only (no /, .., spaces or capitals), such as new-flight-to-tbilisi, got "../../etc/x" (leave slug out to have one made from the title)',
    );
    expect(listFiles(root)).toEqual(['site.config.ts']);
  });

  it('refuses to overwrite an existing article', async () => {
    const root = makeSite({ 'content/2025/12/taken.md': article({ title: 'Taken', date: '2025-12-18' }) });
    const refused = await createArticle({ root, title: 'Taken', date: '2025-12-18' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BuildFailure);
    expect((refused as BuildFailure).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual(['content/2025/12/taken.md:1:1 an article file with this name already exists']);
    expect(readFileSync(path.join(root, 'content/2025/12/taken.md'), 'utf8')).toContain('title: Taken');
  });
});

describe('broadsheet init', () => {
  it('in a folder of a project that installed Broadsheet from a tarball: the site depends on that tarball, and a failed npm install says what is written and what is left to do, exit 1', async () => {
    // A tarball that is not there: npm install fails at once, without the network.
    const project = makeSite({ 'package.json': JSON.stringify({ dependencies: { broadsheet: 'file:./missing-0.1.0.tgz' } }) });
    const result = await runCli(['init', '--yes', '--no-git', 'my-site'], project);
    expect(result.code).toBe(1);
    expect((JSON.parse(readFileSync(path.join(project, 'my-site/package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.broadsheet).toBe('file:../missing-0.1.0.tgz');
    expect(result.stderr).toContain('npm install failed (its messages are above): the site\'s files are written.');
    expect(result.stdout).toContain("The site's files are written. Next:\n  cd my-site\n  npm install ");
    expect(result.stdout).not.toContain('The site is ready');
  });
});

describe('broadsheet dev', () => {
  it('names the drafts it shows with --drafts, and what it leaves out', async () => {
    const shown = await buildInMemory(SITE, { now: Date.parse('2026-01-01'), drafts: true });
    expect(draftsShownLine(shown.result!.site)).toBe('Showing 1 draft (a build leaves them out unless given --drafts): content/2025/12/b.md');
    expect(leftOutLines(shown.result!.site.leftOut, 'dev')).toEqual(['Left out 1 scheduled article (run dev with --future to include): content/2099/01/c.md']);
    const plain = await buildInMemory(SITE, { now: Date.parse('2026-01-01') });
    expect(draftsShownLine(plain.result!.site)).toBeUndefined();
  });

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

  it('says what it leaves out, and stops cleanly on Ctrl-C (SIGINT): exit code 0, port released', async () => {
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
    expect(output).toMatch(/^\d\d:\d\d:\d\d Left out 1 draft \(run dev with --drafts to include\): content\/2025\/12\/b\.md$/m);
    expect(output).toMatch(/^\d\d:\d\d:\d\d Left out 1 scheduled article \(run dev with --future to include\): content\/2099\/01\/c\.md$/m);
    expect((await fetch(url)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopping.');
    await expect(fetch(url)).rejects.toThrow();
  });
});

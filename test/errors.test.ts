// Bad input: a clear error naming file:line:column and the field, every error of the run reported
// together, exit code 1, and the previous dist/ left exactly as it was.
//
// Builds run in-process (the report is formatProblems of the BuildFailure's problems, as the CLI
// prints it); the CLI is run only for what only it does: exit codes and its closing line.

import { readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { formatProblems, isError, type Problem } from '../src/problems/index.js';
import { tryBuild } from './helpers/memory-site.js';
import { builtSite } from './helpers/rebuild.js';
import { article, listFiles, makeSite, REPO, runCli, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

const GOOD = {
  'site.config.ts': `export default { title: 'Steppe Times' };\n`,
  'content/2025/12/good.md': article({ title: 'A good article', date: '2025-12-18 19:20', topic: 'Culture' }),
};

/** Every file of dist/ with its bytes and mtime: what "left exactly as it was" means. */
function snapshot(dist: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dist).map((file) => {
      const absolute = path.join(dist, file);
      return [file, `${statSync(absolute).mtimeMs} ${readFileSync(absolute, 'base64')}`];
    }),
  );
}

/** A site built once successfully, then given `bad` files and built again; its report as printed. */
async function failingRebuild(bad: Record<string, string>) {
  const root = await builtSite(GOOD, NOW);
  const dist = path.join(root, 'dist');
  const before = snapshot(dist);
  writeFiles(root, bad);
  const result = await tryBuild({ root, now: NOW, threads: 1 });
  expect(result.ok).toBe(false);
  return { root, problems: result.problems, report: formatProblems(result.problems), before, after: snapshot(dist) };
}

/** How many errors in how many files, as the CLI's closing line counts them. */
const tally = (problems: readonly Problem[]) => {
  const errors = problems.filter(isError);
  return { errors: errors.length, files: new Set(errors.map((p) => p.file)).size };
};

describe.concurrent('a content error', () => {
  const cases: Array<{ name: string; text: string; where: string; expect: RegExp }> = [
    {
      name: 'broken YAML (a colon inside an unquoted title)',
      text: '---\ntitle: Kazakhstan: a new law\ndate: 2025-12-18\n---\nBody.\n',
      where: 'content/2025/12/bad.md:2:8',
      expect: /title: invalid YAML: a value contains ": ".*\n\s+hint: put the whole value in quotes/,
    },
    {
      name: 'an unclosed list in YAML',
      text: '---\ntitle: Fine\ntags: [Almaty, Astana\ndate: 2025-12-18\n---\nBody.\n',
      where: 'content/2025/12/bad.md:3:7',
      expect: /tags: invalid YAML: a list in \[ \] or a map in \{ \} is not closed/,
    },
    {
      name: 'an unclosed quote in YAML, named where it opens (the parser stops at the end of the front-matter)',
      text: '---\ntitle: "Flights resume\ndate: 2025-12-18\n---\nBody.\n',
      where: 'content/2025/12/bad.md:2:8',
      expect: /error title: invalid YAML: a quoted value is not closed \[yaml-syntax\]\n\s+hint: end the value with the same quote it starts with; if it goes on over lines, indent the lines after the first/,
    },
    {
      name: 'a missing title',
      text: '---\ndate: 2025-12-18\ntopic: Culture\n---\nBody.\n',
      where: 'content/2025/12/bad.md:1:1',
      expect: /title: is required; expected a non-empty title/,
    },
    {
      name: 'a date with an offset no clock keeps (published four days early before)',
      text: '---\ntitle: Dated wrongly\ndate: 2025-12-18T19:20:00+99:00\n---\nBody.\n',
      where: 'content/2025/12/bad.md:3:7',
      expect: /date: is not a date Broadsheet can read; expected an ISO 8601 date .*, got "2025-12-18T19:20:00\+99:00" \[date-invalid\]/,
    },
    {
      name: 'a date in year 0',
      text: '---\ntitle: Dated wrongly\ndate: 0000-01-01\n---\nBody.\n',
      where: 'content/2025/12/bad.md:3:7',
      expect: /date: is not a date Broadsheet can read; .*, got "0000-01-01" \[date-invalid\]/,
    },
    {
      name: 'an unparseable date',
      text: '---\ntitle: Dated wrongly\ndate: 18.12.2025\n---\nBody.\n',
      where: 'content/2025/12/bad.md:3:7',
      expect: /date: is not a date Broadsheet can read; expected an ISO 8601 date .*, got "18\.12\.2025" \[date-invalid\]/,
    },
    {
      name: 'an impossible date',
      text: '---\ntitle: Dated wrongly\ndate: 2025-13-45\n---\nBody.\n',
      where: 'content/2025/12/bad.md:3:7',
      expect: /\[date-invalid\]/,
    },
    {
      name: 'an empty file',
      text: '',
      where: 'content/2025/12/bad.md:1:1',
      expect: /the file is empty.*\[file-empty\]/,
    },
    {
      name: 'a file without front-matter',
      text: 'Just some text.\n',
      where: 'content/2025/12/bad.md:1:1',
      expect: /does not start with front-matter/,
    },
    {
      name: 'a slug with ..',
      text: '---\ntitle: Escape\ndate: 2025-12-18\nslug: ../../../etc/passwd\n---\nBody.\n',
      where: 'content/2025/12/bad.md:4:7',
      expect: /slug: has an invalid value; expected a slug of lowercase letters, digits and - only.*\[slug-invalid\]/,
    },
    {
      name: 'a slug with a slash',
      text: '---\ntitle: Escape\ndate: 2025-12-18\nslug: news/today\n---\nBody.\n',
      where: 'content/2025/12/bad.md:4:7',
      expect: /\[slug-invalid\]/,
    },
    {
      name: 'draft: yes instead of a boolean',
      text: '---\ntitle: Draft\ndate: 2025-12-18\ndraft: yes\n---\nBody.\n',
      where: 'content/2025/12/bad.md:4:8',
      expect: /draft: has an invalid value; expected true or false, got "yes"/,
    },
    {
      name: 'an image without imageAlt',
      text: '---\ntitle: Picture\ndate: 2025-12-18\nimage: /img/a.jpg\n---\nBody.\n',
      where: 'content/2025/12/bad.md:4:8',
      expect: /imageAlt: is required/,
    },
    {
      name: 'a correction with a date in the wrong form',
      text: '---\ntitle: Corrected\ndate: 2025-12-18\ncorrections:\n  - date: 19.12.2025\n    text: An earlier version gave the wrong venue.\n---\nBody.\n',
      where: 'content/2025/12/bad.md:5:11',
      expect: /corrections\.0\.date: is not a date Broadsheet can read; .*, got "19\.12\.2025" \[date-invalid\]/,
    },
    {
      name: 'a correction without its text',
      text: '---\ntitle: Corrected\ndate: 2025-12-18\ncorrections:\n  - date: 2025-12-19\n---\nBody.\n',
      where: 'content/2025/12/bad.md:5:5',
      expect: /corrections\.0\.text: is required; expected the text of the correction/,
    },
    {
      name: 'corrections as one sentence instead of a list',
      text: '---\ntitle: Corrected\ndate: 2025-12-18\ncorrections: We fixed a typo.\n---\nBody.\n',
      where: 'content/2025/12/bad.md:4:14',
      expect: /corrections: has an invalid value; expected a list of corrections, each with a date and a text, .*, got "We fixed a typo\." \[field-invalid\]/,
    },
    {
      name: 'a correction with a field it does not have',
      text: '---\ntitle: Corrected\ndate: 2025-12-18\ncorrections:\n  - date: 2025-12-19\n    text: Fixed.\n    by: Desk\n---\nBody.\n',
      where: 'content/2025/12/bad.md:7:9',
      expect: /corrections\.0\.by: has an invalid value; expected a correction with a date and a text, .*, and no other fields, got "Desk"/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: names the place, fails the build and leaves dist/ untouched`, async () => {
      const { problems, report, before, after } = await failingRebuild({ 'content/2025/12/bad.md': c.text });
      expect(report).toContain(c.where);
      expect(report).toMatch(c.expect);
      expect(tally(problems)).toEqual({ errors: 1, files: 1 });
      expect(after).toEqual(before);
    });
  }

  it('a required field missing for a misspelling: the error comes with the misspelling, which is why', async () => {
    const { report, after, before } = await failingRebuild({ 'content/2025/12/bad.md': '---\ntitle: Typo\ndaet: 2025-12-18\ntopic: Culture\n---\nBody.\n' });
    expect(report).toMatch(/content\/2025\/12\/bad\.md:1:1 error date: is required/);
    expect(report).toMatch(/content\/2025\/12\/bad\.md:3:7 warning daet: unknown field: did you mean date\?/);
    expect(after).toEqual(before);
  });
});

describe('several errors', () => {
  it('are all reported in one run, sorted by file and line, and the CLI exits 1 counting them', async () => {
    const root = await builtSite(GOOD, NOW);
    const before = snapshot(path.join(root, 'dist'));
    writeFiles(root, {
      'content/a.md': '---\ntitle: A\ndate: nope\n---\n',
      'content/b.md': '',
      'content/c.md': '---\ndate: 2025-12-18\nslug: Bad Slug\n---\n',
    });
    const result = await runCli(['build'], root);
    const after = snapshot(path.join(root, 'dist'));
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => /^content\//.test(line));
    expect(lines.map((line) => line.split(' ')[0])).toEqual([
      'content/a.md:3:7',
      'content/b.md:1:1',
      'content/c.md:1:1',
      'content/c.md:3:7',
    ]);
    expect(result.stderr).toMatch(/\nBuild failed: 4 errors in 3 files\. Nothing was written; the previous output is unchanged\.\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for the user's mistakes
    expect(after).toEqual(before);
  });
});

describe('two articles with the same URL', () => {
  it('is an error naming both files', async () => {
    const twin = article({ title: 'A good article', date: '2025-12-18 08:00' });
    const { report, after, before } = await failingRebuild({ 'content/2025/12/twin.md': twin });
    expect(report).toMatch(
      /content\/2025\/12\/twin\.md:2:1 error slug: the article URL \/2025\/12\/18\/a-good-article\/ is also the URL of content\/2025\/12\/good\.md:2 \[url-duplicate\]/,
    );
    expect(after).toEqual(before);
  });
});

describe('a template error', () => {
  it('names the template file, line and column', async () => {
    const { report, after, before } = await failingRebuild({
      'templates/article.liquid': '{% layout "layouts/base" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n<p>{{ article.subtitle }}</p>\n{% endblock %}\n',
    });
    expect(report).toMatch(/templates\/article\.liquid:4:7 error undefined variable: article\.subtitle/);
    expect(report).toMatch(/\[template-render\]/);
    expect(after).toEqual(before);
  });

  it('in syntax is reported before anything is rendered', async () => {
    const { problems, report, after, before } = await failingRebuild({
      'templates/tag.liquid': '{% layout "layouts/base" %}\n{% block main %}\n{% if page.title %}\n<h1>x</h1>\n{% endblock %}\n',
    });
    expect(report).toMatch(/templates\/tag\.liquid:\d+:\d+ error .*\[template-syntax\]/);
    // Only the syntax error: no page was rendered with the broken template.
    expect(problems.map((p) => p.code)).toEqual(['template-syntax']);
    expect(after).toEqual(before);
  });
});

describe('a template error in a partial', () => {
  it("in the site's copy of the card is named there, not at the theme's lists that print cards", async () => {
    const card = readFileSync(path.join(REPO, 'templates/partials/article-card.liquid'), 'utf8');
    const { problems, after, before } = await failingRebuild({ 'templates/partials/article-card.liquid': `${card}{{ item.nope }}\n` });
    const line = card.split('\n').length;
    expect([...new Set(problems.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`))]).toEqual([`templates/partials/article-card.liquid:${line} template-render undefined variable: item.nope (rendering template "partials/article-card")`]);
    expect(after).toEqual(before);
  });

  it('in syntax is reported, with the card’s, even in a partial no page includes yet', async () => {
    const { problems, after, before } = await failingRebuild({
      'templates/partials/byline.liquid': '{% if x %}\n<p>by</p>\n',
      'templates/partials/article-card.liquid': '<h2>{{ item.title | nosuchfilter }}</h2>\n',
    });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.code}`).sort()).toEqual(['templates/partials/article-card.liquid:1 template-syntax', 'templates/partials/byline.liquid:1 template-syntax']);
    expect(after).toEqual(before);
  });
});

describe('a config error', () => {
  it('names site.config.ts, the line and the option', async () => {
    const { report, after, before } = await failingRebuild({
      'site.config.ts': `export default {\n  title: 'Steppe Times',\n  pageSize: 0,\n  timeZone: 'Mars/Olympus',\n  colour: 'red',\n};\n`,
    });
    expect(report).toMatch(/site\.config\.ts:3:3 error pageSize: /);
    expect(report).toMatch(/site\.config\.ts:4:3 error timeZone: expected an IANA time zone/);
    expect(report).toMatch(/site\.config\.ts:5:3 error colour: unknown option "colour"/);
    expect(after).toEqual(before);
  });

  it('names a socialImage that is neither a site path nor an http(s) URL, instead of crashing or printing it in every page', async () => {
    // '//[cdn/card.jpg' stopped the build with 'TypeError: Invalid URL' and a stack trace; javascript:
    // and data: addresses went into every page's og:image as they were.
    for (const bad of ['//[cdn/card.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA']) {
      const root = makeSite({ ...GOOD, 'site.config.ts': `export default {\n  title: 'Steppe Times',\n  socialImage: '${bad}',\n};\n` });
      const result = await tryBuild({ root, now: NOW, threads: 1 });
      expect(result.ok, bad).toBe(false);
      expect(formatProblems(result.problems), bad).toMatch(/^site\.config\.ts:3:3 error socialImage: expected a site path such as \/images\/card\.jpg \(a file of static\/\) or an http\(s\) URL/);
    }
  });

  it("names a list's wrong element and a record's wrong key at their setting's line, the key in the rule's words", async () => {
    const root = makeSite({ ...GOOD, 'site.config.ts': "export default {\n  title: 'Steppe Times',\n  nav: ['/topics/', 5],\n  languages: { en: {}, '../x': {} },\n};\n" });
    const result = await tryBuild({ root, now: NOW, threads: 1 });
    expect(result.ok).toBe(false);
    const report = formatProblems(result.problems);
    expect(report).toMatch(/^site\.config\.ts:3:3 error nav\.1: /m);
    expect(report).toMatch(/^site\.config\.ts:4:25 error languages\.\.\.\/x: expected a language tag such as en, kk or en-GB/m);
  });

  it('refuses an output folder that holds the site itself', async () => {
    const root = makeSite({ ...GOOD, 'site.config.ts': `export default { outDir: '.' };\n` });
    const result = await tryBuild({ root, now: NOW, threads: 1 });
    expect(result.ok).toBe(false);
    expect(formatProblems(result.problems)).toMatch(/site\.config\.ts:1:18 error outDir: the output folder \. is the site folder itself, and Broadsheet replaces its output folder whole at every build/);
    expect(listFiles(root)).toEqual(['content/2025/12/good.md', 'site.config.ts']);
  });
});

describe('usage errors', () => {
  it('exit with code 2 and the usage text', async () => {
    const root = makeSite(GOOD);
    const unknownFlag = await runCli(['build', '--colour'], root);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^broadsheet build: unknown option '--colour'/);
    expect(unknownFlag.stderr).toMatch(/\(broadsheet build --help lists its flags\)/);
    const unknownCommand = await runCli(['publish'], root);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(/^broadsheet: unknown command 'publish'/);
  });
});

describe('a failed first build', () => {
  it('creates no dist/ at all; the CLI exits 1 with the error, a closing line and no stack trace', async () => {
    const root = makeSite({ ...GOOD, 'content/bad.md': '' });
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^content\/bad\.md:1:1 error the file is empty/);
    expect(result.stderr).toMatch(/\nBuild failed: 1 error in 1 file\. Nothing was written; the previous output is unchanged\.\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(listFiles(root).some((file) => file.startsWith('dist/') || file.includes('staging'))).toBe(false);
  });
});

describe('fixing the error', () => {
  it('lets the next build succeed and replace the old pages', async () => {
    // A site built here, not a copy (builtSite): the next build is an incremental one.
    const root = makeSite(GOOD);
    await build({ root, now: NOW, threads: 1 });
    writeFiles(root, { 'content/2025/12/bad.md': '' });
    expect((await tryBuild({ root, now: NOW, threads: 1 })).ok).toBe(false);
    rmSync(path.join(root, 'content/2025/12/bad.md'));
    writeFileSync(path.join(root, 'content/2025/12/fixed.md'), article({ title: 'Fixed', date: '2025-12-19' }));
    const fixed = await tryBuild({ root, now: NOW, threads: 1 });
    expect(fixed.problems).toEqual([]);
    expect(listFiles(path.join(root, 'dist'))).toContain('2025/12/19/fixed/index.html');
    expect(listFiles(path.join(root, 'dist'))).toContain('2025/12/18/a-good-article/index.html');
  });
});

describe.concurrent('an authors file error', () => {
  const cases: Array<{ name: string; text: string; expect: string | RegExp }> = [
    {
      name: 'a website that is not an absolute URL',
      text: '- name: Aigerim Sultanova\n  url: aigerim.example\n',
      expect: 'content/authors.yaml:2:8 error url: has an invalid value for Aigerim Sultanova; expected an absolute http(s) URL such as https://example.org/about, got "aigerim.example" [authors-invalid]',
    },
    {
      name: 'a profile link that is not http(s)',
      text: '- name: Aigerim Sultanova\n  sameAs:\n    - https://x.com/aigerim\n    - javascript:alert(1)\n',
      expect: /^content\/authors\.yaml:4:7 error sameAs\.1: has an invalid value for Aigerim Sultanova; expected an absolute http\(s\) URL/,
    },
    {
      name: 'an entry without a name',
      text: '- name: Aigerim Sultanova\n- bio: Writes about sport.\n',
      expect: /^content\/authors\.yaml:2:3 error name: is required for author number 2; expected the name as bylines write it/,
    },
    {
      name: 'a field authors do not have',
      text: '- name: Aigerim Sultanova\n  twitter: "@aigerim"\n',
      expect: 'content/authors.yaml:2:3 error twitter: is not a field of an author (Aigerim Sultanova) [authors-invalid]\n    hint: an author has the fields name, bio, photo, url, sameAs',
    },
    {
      name: 'one author as a map, not a list',
      text: 'name: Aigerim Sultanova\nbio: Writes.\n',
      expect: /^content\/authors\.yaml:1:1 error the authors file must be a list of authors; expected one "- name: \.\.\." entry per author \[authors-invalid\]/,
    },
    {
      name: 'broken YAML',
      text: '- name: Aigerim Sultanova\n  bio: Covers culture: and the arts\n',
      expect: /^content\/authors\.yaml:2:8 error invalid YAML: a value contains ": ", which YAML reads as a second field \[authors-invalid\]/,
    },
    {
      name: 'one author listed twice',
      text: '- name: Aigerim Sultanova\n- name: aigerim sultanova\n',
      expect: /^content\/authors\.yaml:2:9 error name: aigerim sultanova is listed twice: also at line 1 \[authors-invalid\]/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: names the place and the author, fails the build and leaves dist/ untouched`, async () => {
      const { problems, report, before, after } = await failingRebuild({ 'content/authors.yaml': c.text });
      if (typeof c.expect === 'string') expect(report).toContain(c.expect);
      else expect(report).toMatch(c.expect);
      expect(tally(problems)).toEqual({ errors: 1, files: 1 });
      expect(after).toEqual(before);
    });
  }

  it('stops the CLI with exit code 1, alongside the articles’ errors', async () => {
    const root = await builtSite(GOOD, NOW);
    const before = snapshot(path.join(root, 'dist'));
    writeFiles(root, { 'content/authors.yaml': '- name: Aigerim Sultanova\n  photo: javascript:alert(1)\n', 'content/bad.md': '' });
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^content\/authors\.yaml:2:10 error photo: has an invalid value for Aigerim Sultanova; expected a site path such as \/images\/authors\/aigerim\.jpg/m);
    expect(result.stderr).toMatch(/^content\/bad\.md:1:1 error the file is empty/m);
    expect(result.stderr).toMatch(/\nBuild failed: 2 errors in 2 files\./);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });
});

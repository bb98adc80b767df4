// The problem catalogue as users meet it: docs/errors.md's reference of codes is the catalogue's, codes
// once released stay, and each problem is plain text a worker can post and the cache can store.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticle } from '../src/authoring/new.js';
import { errorsDocFrom } from '../src/installation.js';
import { BuildFailure, formatProblem, type Problem } from '../src/problems/index.js';
import { catalogue } from '../src/problems/catalogue.js';
import { withProblemTable } from '../scripts/problem-reference.js';
import { renderArticle } from '../src/render/article.js';
import { article, makeSite, REPO } from './helpers/site.js';

const SETTINGS = { timeZone: 'Asia/Almaty', defaultTopic: 'News', language: 'en', summaryLength: 200, basePath: '/', tagLimit: 50 };

describe('the reference of problem codes in docs/errors.md', () => {
  it('is the one the catalogue generates (run `node --import tsx scripts/problem-table.ts --write` after changing it)', () => {
    const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
    expect(doc).toBe(withProblemTable(doc));
  });

  it('lists every code released so far: codes are never renamed or removed', () => {
    const released = [
      'file-empty', 'frontmatter-missing', 'yaml-syntax', 'field-required', 'field-invalid', 'field-unknown',
      'date-invalid', 'slug-invalid', 'url-duplicate', 'file-exists', 'link-broken', 'static-shadowed',
      'template-syntax', 'template-render', 'config-invalid', 'config-load', 'import-format',
    ];
    expect(Object.keys(catalogue)).toEqual(expect.arrayContaining(released));
  });
});

describe('a problem', () => {
  const result = renderArticle(
    { file: 'content/a.md', contentPath: 'a.md', text: '---\ntitle: A\ndate: 18.12.2025\n---\nBody.\n' },
    SETTINGS,
  );
  const problems: Problem[] = result.problems;

  it('reads as its catalogue entry says: message, what was expected and found, and a hint', () => {
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'content/a.md:3:7 error date: is not a date Broadsheet can read; expected an ISO 8601 date such as 2025-12-18, ' +
        '2025-12-18 19:20 or 2025-12-18T19:20:00+05:00, got "18.12.2025" [date-invalid]\n' +
        "    hint: write the year first: 2025-12-18, or 2025-12-18 19:20 with a time; a time without an offset such as +05:00 is read in the site's time zone",
    ]);
  });

  it("ends with where to read about its code, given where the reader finds docs/errors.md", () => {
    expect(formatProblem(problems[0]!, 'node_modules/broadsheet/docs/errors.md').split('\n').slice(1)).toEqual([
      "    hint: write the year first: 2025-12-18, or 2025-12-18 19:20 with a time; a time without an offset such as +05:00 is read in the site's time zone",
      '    see: node_modules/broadsheet/docs/errors.md#date-invalid',
    ]);
  });

  it('finds docs/errors.md from a folder: relative inside this checkout, absolute from outside it', () => {
    expect(errorsDocFrom(REPO)).toBe('docs/errors.md');
    const outside = makeSite({});
    expect(errorsDocFrom(outside)).toBe(path.join(REPO, 'docs/errors.md'));
    expect(existsSync(errorsDocFrom(outside))).toBe(true);
  });

  it('is plain data: it survives the cache (JSON) and a worker thread (structured clone) unchanged', () => {
    expect(JSON.parse(JSON.stringify(problems))).toEqual(problems);
    expect(structuredClone(problems)).toEqual(problems);
  });
});

describe('broadsheet new over an existing file', () => {
  it('is a file-exists error, not a duplicate URL', async () => {
    const root = makeSite({ 'content/2025/12/taken.md': article({ title: 'Taken', date: '2025-12-18' }) });
    const failure = await createArticle({ root, title: 'Taken', date: '2025-12-18' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).problems.map((p) => formatProblem(p))).toEqual([
      'content/2025/12/taken.md:1:1 error an article file with this name already exists [file-exists]\n    hint: choose another title or pass --slug',
    ]);
  });
});

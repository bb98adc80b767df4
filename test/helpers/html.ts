// Whole-site checks on a build's output (a folder on disk, or buildInMemory's outputs): every page
// is valid HTML, every internal link resolves.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { listFiles } from './site.js';

// The recommended rules, less `long-title`: a search-engine preference (70 characters), not
// validity, and news headlines plus the site name routinely exceed it.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

/** A build's output: its folder, or its files in memory (path in the output folder -> text). */
export type Output = string | ReadonlyMap<string, string>;

const filesOf = (output: Output): string[] => (typeof output === 'string' ? listFiles(output) : [...output.keys()].sort());
const textOf = (output: Output, file: string): string =>
  typeof output === 'string' ? readFileSync(path.join(output, file), 'utf8') : (output.get(file) ?? '');
const isFile = (output: Output, file: string): boolean => {
  if (typeof output !== 'string') return output.has(path.posix.normalize(file));
  const absolute = path.join(output, file);
  return existsSync(absolute) && statSync(absolute).isFile();
};

/** Every html-validate message for every page, as "file:line:col rule message". */
export async function htmlProblems(output: Output): Promise<string[]> {
  const problems: string[] = [];
  for (const file of filesOf(output).filter((f) => f.endsWith('.html'))) {
    const report = await validator.validateString(textOf(output, file), file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return problems;
}

/**
 * Internal links (a, link, img, script) of every page that do not resolve to a file of `output`,
 * as "page -> href". `basePath` is the site's base path ("/" or "/news/"): a link outside it is
 * broken too. Same-page fragments must name an id on the page.
 */
export function brokenLinks(output: Output, basePath = '/'): string[] {
  const broken: string[] = [];
  for (const file of filesOf(output).filter((f) => f.endsWith('.html'))) {
    const $ = cheerio.load(textOf(output, file));
    const pageUrl = new URL(`${basePath}${file.replace(/index\.html$/, '')}`, 'http://site.invalid');
    $('a[href], link[href], img[src], script[src]').each((_, element) => {
      const ref = $(element).attr('href') ?? $(element).attr('src') ?? '';
      if (/^(mailto:|tel:|data:)/.test(ref)) return;
      const target = new URL(ref, pageUrl);
      if (target.host !== 'site.invalid') {
        // Absolute links to the site itself (canonical) are checked by other tests.
        return;
      }
      if (target.pathname === pageUrl.pathname && target.hash) {
        if ($(`[id="${decodeURIComponent(target.hash.slice(1))}"]`).length === 0) broken.push(`${file} -> ${ref}`);
        return;
      }
      if (!target.pathname.startsWith(basePath)) {
        broken.push(`${file} -> ${ref} (outside ${basePath})`);
        return;
      }
      const relative = decodeURIComponent(target.pathname.slice(basePath.length));
      const resolves = isFile(output, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
      if (!resolves) broken.push(`${file} -> ${ref}`);
    });
  }
  return broken;
}

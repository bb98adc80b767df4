// Whole-site checks on an output folder: every page is valid HTML, every internal link resolves.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { listFiles } from './site.js';

// The recommended rules, less `long-title`: a search-engine preference (70 characters), not
// validity, and news headlines plus the site name routinely exceed it.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

/** Every html-validate message for every page, as "file:line:col rule message". */
export async function htmlProblems(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const report = await validator.validateString(readFileSync(path.join(outDir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return problems;
}

/**
 * Internal links (a, link, img, script) of every page that do not resolve to a file in `outDir`,
 * as "page -> href". `basePath` is the site's base path ("/" or "/news/"): a link outside it is
 * broken too. Same-page fragments must name an id on the page.
 */
export function brokenLinks(outDir: string, basePath = '/'): string[] {
  const broken: string[] = [];
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const $ = cheerio.load(readFileSync(path.join(outDir, file), 'utf8'));
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
      const candidate = path.join(outDir, relative);
      const resolves =
        (relative === '' || relative.endsWith('/'))
          ? existsSync(path.join(candidate, 'index.html'))
          : existsSync(candidate) && statSync(candidate).isFile();
      if (!resolves) broken.push(`${file} -> ${ref}`);
    });
  }
  return broken;
}

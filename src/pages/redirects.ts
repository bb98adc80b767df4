// Old URLs answered: every path an article lists in `aliases` (its URLs on the site it was imported
// from, or before a rename) gets a small redirect page, and every one goes into `_redirects`, the
// redirect file Netlify and Cloudflare Pages read. The page needs no JavaScript: a
// `<meta http-equiv="refresh">` sends the reader on, a canonical link tells search engines where
// the article lives now, and `noindex` keeps the old URL out of their results.
//
// Where each goes: `/2014/12/17/old.html` is the file 2014/12/17/old.html; `/old/` and `/old` are
// old/index.html. An old URL with a query (`/?p=123`, WordPress's) or another extension
// (`/story.php`) cannot be a static file: it is in `_redirects` only. Targets are under the base
// path. An old URL that is also a page of the site, or that two articles list, is an error
// naming both: a redirect never replaces a page.

import { allArticles } from '../model/languages.js';
import type { SiteConfig } from '../config.js';
import { isMultilingual } from '../languages.js';
import { escapeMarkup } from '../escape.js';
import { problem, type Problem } from '../problems/index.js';
import type { ArticleMeta, Site } from '../types/index.js';
import { absoluteUrl, outputFileFor, withBasePath } from '../urls.js';
import { fingerprint } from '../write/fingerprint.js';
import { writeUnlessCurrent, type OutputManifest } from '../write/manifest.js';
import type { OutputWriter } from '../write/output-writer.js';
import { planPages } from './index.js';
import { pageLanguage } from './render-page.js';
import type { Templates } from './templates.js';
import type { UiStrings, UiText } from './ui-text.js';

/** The redirect file's name, in the output folder's root. */
export const REDIRECTS_FILE = '_redirects';

/** One old URL and the article it leads to. */
export interface Redirect {
  /** The old URL as a site path, with its query if it has one: /2014/12/17/old.html, /?p=123. */
  from: string;
  /** The file of the output folder that answers it; undefined when only `_redirects` can (a query, an extension other than .html). */
  file?: string;
  article: ArticleMeta;
}

/** Every published article's old URLs, in article order, and the collisions found among them and with the site's pages. */
export function planRedirects(site: Site, config: SiteConfig, strings: UiStrings): { redirects: Redirect[]; problems: Problem[] } {
  const redirects: Redirect[] = [];
  const problems: Problem[] = [];
  const articles = allArticles(site);
  if (!articles.some((article) => article.aliases.length > 0)) return { redirects, problems };
  // The pages the site has, by the file that serves them: a redirect never takes one's place.
  const pages = new Map<string, { url: string; article?: ArticleMeta }>();
  for (const page of planPages(site, config, strings)) pages.set(outputFileFor(page.url), { url: page.url, article: page.article });
  const claimed = new Map<string, ArticleMeta>();
  // File order, as duplicate URLs are reported: the first article keeps an old URL.
  for (const article of [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const at = { line: article.aliasesLine ?? article.urlLine, column: 1 };
    for (const from of article.aliases) {
      const file = redirectFile(from);
      if (from === article.url || file === outputFileFor(article.url)) continue;
      const page = file === undefined ? undefined : pages.get(file);
      if (page) {
        problems.push(problem('alias-collision', article.file, at, { kind: 'page', alias: from, url: page.url, other: page.article?.file }));
        continue;
      }
      const key = file ?? from;
      const other = claimed.get(key);
      if (other && other !== article) {
        problems.push(problem('alias-collision', article.file, at, { kind: 'two-articles', alias: from, other: other.file, otherLine: other.aliasesLine ?? other.urlLine }));
        continue;
      }
      if (other) continue;
      claimed.set(key, article);
      redirects.push({ from, file, article });
    }
  }
  return { redirects, problems };
}

/**
 * The output file of an old URL: `/a/b.html` -> a/b.html, `/a/b/` and `/a/b` -> a/b/index.html
 * (percent-escapes decoded, as a static server decodes the request); undefined for a URL with a
 * query or an extension other than .html/.htm, which no static file answers.
 */
export function redirectFile(from: string): string | undefined {
  if (from.includes('?')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(from);
  } catch {
    return undefined;
  }
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (/\.html?$/i.test(last)) return outputFileFor(path);
  if (last.includes('.')) return undefined;
  return outputFileFor(path.endsWith('/') ? path : `${path}/`);
}

/**
 * The file of the output an old URL would replace or need as a folder: for one only `_redirects`
 * answers (`/feed.xml`), that file itself; for one with a redirect page (`file`), a file where a
 * folder of its path must be. Undefined when there is none; `made` says which files the site has.
 */
function generatedFileAt(from: string, file: string | undefined, made: (file: string) => boolean): string | undefined {
  if (from.includes('?')) return undefined;
  const path = file ?? outputFileFor(safeDecode(from));
  if (file === undefined && made(path)) return path;
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    if (made(folder)) return folder;
  }
  return undefined;
}

/** The redirect page of an old URL: a refresh to the article under the base path, its canonical URL, noindex; its one line in `text`'s language. */
export function redirectPage(redirect: Redirect, config: Pick<SiteConfig, 'baseUrl' | 'basePath' | 'language'>, text: UiText): string {
  const { article } = redirect;
  const target = escapeMarkup(withBasePath(config.basePath, article.url));
  const title = escapeMarkup(article.title);
  return [
    '<!doctype html>',
    `<html lang="${escapeMarkup(article.lang || config.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    `<link rel="canonical" href="${escapeMarkup(absoluteUrl(config.baseUrl, article.url))}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    '</head>',
    `<body><p>${text.markup('redirect.moved', { link: `<a href="${target}">${title}</a>` })}</p></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** `_redirects`: one `old new 301` line per old URL, both under the base path; a query becomes Netlify's `key=value` match. */
export function redirectsFile(redirects: readonly Redirect[], config: Pick<SiteConfig, 'basePath'>): string {
  const lines = ['# Old URLs of articles (front-matter aliases), written by Broadsheet: Netlify and Cloudflare Pages syntax.'];
  for (const { from, article } of redirects) {
    const [path = '/', query] = from.split('?', 2) as [string, string | undefined];
    const source = encodeURI(safeDecode(withBasePath(config.basePath, path)));
    const match = query ? ` ${query.split('&').filter(Boolean).join(' ')}` : '';
    lines.push(`${source}${match} ${withBasePath(config.basePath, article.url)} 301`);
  }
  return `${lines.join('\n')}\n`;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** What writing the redirects needs: the build's site, config, writer and manifest, and what every output depends on. */
export interface RedirectOutput {
  site: Site;
  config: SiteConfig;
  writer: OutputWriter;
  manifest: OutputManifest;
  siteFingerprint: string;
  /** The theme's texts, which the site's pages are planned in. */
  templates: Pick<Templates, 'strings'>;
}

/** Write (or keep) every redirect page and `_redirects`; returns the files' count and the collisions (errors). */
export async function writeRedirects(output: RedirectOutput): Promise<{ count: number; problems: Problem[] }> {
  const { site, config, writer, manifest, siteFingerprint } = output;
  const planned = planRedirects(site, config, output.templates.strings);
  const problems = [...planned.problems];
  // The other outputs are written by now (pipeline/outputs.ts): an old URL at one of their files,
  // or through one (/feed.xml/ needs a folder where feed.xml is), would replace or break it.
  const made = (file: string) => writer.files.has(file) || manifest.has(file);
  const redirects = planned.redirects.filter(({ from, file, article }) => {
    const clash = generatedFileAt(from, file, made);
    if (clash !== undefined) problems.push(problem('alias-collision', article.file, { line: article.aliasesLine ?? article.urlLine, column: 1 }, { kind: 'file', alias: from, file: clash }));
    return clash === undefined;
  });
  if (redirects.length === 0) return { count: 0, problems };
  let count = 0;
  for (const redirect of redirects) {
    if (redirect.file === undefined) continue;
    const { article } = redirect;
    // In the article's language on a multilingual site; a one-language site's pages are all in its language.
    const text = output.templates.strings.of(pageLanguage({ language: isMultilingual(config) ? article.lang : undefined }, config).code);
    const print = fingerprint(siteFingerprint, redirect.from, article.url, article.title, article.lang, text.entry('redirect.moved'));
    await writeUnlessCurrent(writer, manifest, redirect.file, print, () => redirectPage(redirect, config, text));
    count++;
  }
  const text = redirectsFile(redirects, config);
  await writeUnlessCurrent(writer, manifest, REDIRECTS_FILE, fingerprint(text), () => text);
  return { count: count + 1, problems };
}

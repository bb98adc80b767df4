// The one writer of imported articles, whatever the format: each ImportedArticle becomes
// content/YYYY/MM/<slug>.md, or content/YYYY/MM/<slug>/index.md with its images beside it, and
// the authors it names are added to content/authors.yaml. A link a body makes to another article of
// the import (linkToImported) becomes the path of that article's file, once every file is placed.
//
// Re-runnable: every article records where it came from (`importedFrom`, the source's id or URL);
// an article already in content/ under that id is left alone (or, with `force`, written again in
// its place), so importing the same source twice adds only what is new. All or nothing: every file
// is planned and checked with the build's own validation first; one error, and nothing is written.
// Nothing is written outside the content folder: paths are made of dates, valid slugs and safe
// file names only. `dryRun` plans and checks everything and writes nothing.

import { constants } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../../config.js';
import { parseContentDate } from '../../dates.js';
import { siteLanguages } from '../../languages.js';
import { displayPath, findContentFiles, readSourceFile } from '../../load/discover.js';
import { serializeArticle } from '../../load/frontmatter.js';
import { parseArticle } from '../../load/parse.js';
import { aliasPath } from '../../load/schema.js';
import { BuildFailure, isError, problem, type Problem } from '../../problems/index.js';
import { renderArticle } from '../../render/article.js';
import { articleSettings } from '../../render/setup.js';
import { slugOrFallback, slugify } from '../../slugs.js';
import { articleUrl, isSitePage } from '../../urls.js';
import { mergeAuthors } from './authors-file.js';
import { resolveImportedLinks, type ImportedArticle, type ImportedSource } from './imported.js';

/** How to write: overwrite what an earlier import wrote, or write nothing at all. */
export interface WriteOptions {
  force?: boolean;
  dryRun?: boolean;
}

/** What writing an import did (or, with dryRun, would do). Paths relative to the site root. */
export interface WriteResult {
  /** Article files written (or that would be), in source order. */
  written: string[];
  /** Images copied beside them. */
  assets: string[];
  /** Articles an earlier import already wrote: left alone (without force). */
  alreadyImported: string[];
  /** Drafts among the written articles. */
  drafts: number;
  /** Authors added to the authors file. */
  authorsAdded: string[];
  /** The authors file, when written. */
  authorsFile?: string;
  /** Warnings of the planned files (the build's own, as it will report them). */
  problems: Problem[];
}

interface PlannedArticle {
  article: ImportedArticle;
  absolute: string;
  file: string;
  text: string;
  /** Replaces the file an earlier import wrote (force). */
  replaces: boolean;
}

/** Write the articles of `source` into the site of `config` (see the top of this file). Throws BuildFailure on any error, before writing. */
export async function writeImport(source: ImportedSource, config: SiteConfig, options: WriteOptions = {}): Promise<WriteResult> {
  const existing = existingArticles(config);
  const settings = articleSettings(config);
  const planned: PlannedArticle[] = [];
  const problems: Problem[] = [];
  const alreadyImported: string[] = [];
  const takenFiles = new Set(existing.files);

  // First every article's URL and file, then the texts: an old URL must not be another article's new one.
  const placed: Array<{ article: ImportedArticle; slugged: Slugged; absolute: string; replaces: boolean }> = [];
  for (const article of source.articles) {
    const earlier = existing.byId.get(article.sourceId);
    if (earlier && !options.force) {
      alreadyImported.push(earlier);
      continue;
    }
    const place = earlier ? { absolute: path.join(config.root, earlier), slug: existing.slugs.get(earlier) } : undefined;
    const slugged = chooseSlug(article, config, existing.urls, takenFiles, place?.slug);
    const absolute = place?.absolute ?? path.join(config.contentPath, ...slugged.folder, slugged.fileName);
    takenFiles.add(displayPath(config, absolute));
    placed.push({ article, slugged, absolute, replaces: earlier !== undefined });
  }
  // A link to another imported article leads to its file, which the build makes the article's URL.
  const files = new Map([...existing.byId].map(([id, file]) => [id, path.join(config.root, file)]));
  for (const { article, absolute } of placed) files.set(article.sourceId, absolute);
  const claimed = new Map(existing.aliases);
  const prefixes = siteLanguages(config).map((language) => language.prefix);
  for (const { article, slugged, absolute, replaces } of placed) {
    const file = displayPath(config, absolute);
    const aliases: string[] = [];
    for (const alias of new Set(article.aliases ?? [])) {
      if (alias === slugged.url || `${alias}/` === slugged.url) continue;
      // One the build would refuse (another host, .., a backslash): reported, the rest imported.
      if (aliasPath(alias) === undefined) {
        problems.push(problem('import-left-out', article.origin.file, article.origin, { what: 'old URL', title: alias, why: 'it is no path of this site (an old URL starts with one /, without .. or \\)' }));
        continue;
      }
      // One with a query is only a line of _redirects: no page's place.
      if (!alias.includes('?') && isSitePage(alias, prefixes)) {
        problems.push(problem('import-left-out', article.origin.file, article.origin, { what: 'old URL', title: alias, why: 'it is a page the site makes (a list, an index or an archive): a redirect would take its place' }));
        continue;
      }
      const other = claimed.get(alias) ?? (existing.urls.has(alias) || existing.urls.has(`${alias}/`) ? 'another article' : undefined);
      if (other !== undefined && other !== file) {
        problems.push(problem('import-left-out', article.origin.file, article.origin, { what: 'old URL', title: alias, why: `it is already the URL or an old URL of ${other}` }));
        continue;
      }
      claimed.set(alias, file);
      aliases.push(alias);
    }
    const body = resolveImportedLinks(article.body, (id) => {
      const target = files.get(id);
      return target === undefined ? undefined : path.relative(path.dirname(absolute), target).split(path.sep).join('/');
    });
    const text = articleText({ ...article, body }, slugged, aliases);
    const check = renderArticle({ file, contentPath: path.relative(config.contentPath, absolute).split(path.sep).join('/'), text }, settings);
    problems.push(...check.problems.map((p) => (isError(p) ? atOrigin(p, article, file) : p)));
    if (check.ok) planned.push({ article, absolute, file, text, replaces });
  }
  if (problems.some(isError)) throw new BuildFailure(problems);

  const names = [...new Set(planned.flatMap(({ article }) => article.authors ?? []))];
  const authors = mergeAuthors(config, names, source.authors);
  const result: WriteResult = { written: [], assets: [], alreadyImported, drafts: 0, authorsAdded: authors.added, problems: problems.filter((p) => !isError(p)) };
  for (const item of planned) {
    result.written.push(item.file);
    if (item.article.draft) result.drafts++;
    for (const asset of item.article.assets ?? []) result.assets.push(displayPath(config, path.join(path.dirname(item.absolute), asset.name)));
  }
  if (authors.text !== undefined) result.authorsFile = displayPath(config, authors.file);
  if (options.dryRun) return result;

  for (const item of planned) {
    await mkdir(path.dirname(item.absolute), { recursive: true });
    await writeFile(item.absolute, item.text, { flag: options.force || item.replaces ? 'w' : 'wx' });
    for (const asset of item.article.assets ?? []) {
      try {
        await copyFile(asset.source, path.join(path.dirname(item.absolute), asset.name), options.force ? 0 : constants.COPYFILE_EXCL);
      } catch (error) {
        // An image of that name is already there (from an earlier import): it is kept.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
  if (authors.text !== undefined) await writeFile(authors.file, authors.text);
  return result;
}

/** The articles already in content/: files by `importedFrom`, their URLs (so new ones do not collide) and slugs. */
function existingArticles(config: SiteConfig): { byId: Map<string, string>; urls: Set<string>; files: string[]; slugs: Map<string, string>; aliases: Map<string, string> } {
  const byId = new Map<string, string>();
  const aliases = new Map<string, string>();
  const urls = new Set<string>();
  const slugs = new Map<string, string>();
  const files: string[] = [];
  const settings = articleSettings(config);
  for (const contentPath of findContentFiles(config).files) {
    const source = readSourceFile(config, contentPath);
    files.push(source.file);
    const parsed = parseArticle(source, settings);
    if (!parsed.ok) continue;
    const slug = parsed.fields.slug ?? slugOrFallback(parsed.fields.title, 'article');
    urls.add(articleUrl(parsed.fields.date, slug));
    slugs.set(source.file, slug);
    if (parsed.fields.importedFrom) byId.set(parsed.fields.importedFrom, source.file);
    for (const alias of parsed.fields.aliases ?? []) aliases.set(alias, source.file);
  }
  return { byId, urls, files, slugs, aliases };
}

interface Slugged {
  slug: string;
  /** Whether the slug must be written (it is not the one the title makes). */
  explicit: boolean;
  url: string;
  folder: string[];
  fileName: string;
}

/**
 * The article's slug and file: the source's slug (else the title's), made valid, with -2, -3, ...
 * when an article of the site or of this import already has that URL or file.
 */
function chooseSlug(article: ImportedArticle, config: SiteConfig, urls: Set<string>, files: Set<string>, kept?: string): Slugged {
  const date = parseContentDate(article.date, config.timeZone);
  const fromTitle = slugOrFallback(article.title, 'article');
  const base = kept ?? ((article.slug !== undefined && slugify(article.slug)) || fromTitle);
  const [year = '0000', month = '00'] = article.date.split(/[-T ]/);
  const bundle = (article.assets ?? []).length > 0;
  let slug = base;
  for (let n = 2; ; n++) {
    const url = date ? articleUrl(date, slug) : `/${slug}/`;
    const file = displayPath(config, path.join(config.contentPath, year, month, ...(bundle ? [slug, 'index.md'] : [`${slug}.md`])));
    if (kept !== undefined || (!urls.has(url) && !files.has(file))) {
      urls.add(url);
      return { slug, explicit: slug !== fromTitle, url, folder: bundle ? [year, month, slug] : [year, month], fileName: bundle ? 'index.md' : `${slug}.md` };
    }
    slug = `${base}-${n}`;
  }
}

/** The article's file text: front-matter in a fixed order, then the body. */
function articleText(article: ImportedArticle, slugged: Slugged, aliases: readonly string[]): string {
  return serializeArticle(
    {
      title: article.title,
      date: article.date,
      updated: article.updated,
      slug: slugged.explicit ? slugged.slug : undefined,
      topic: article.topic,
      tags: article.tags?.length ? article.tags : undefined,
      author: article.authors?.length ? (article.authors.length === 1 ? article.authors[0] : article.authors) : undefined,
      summary: article.summary,
      draft: article.draft || undefined,
      image: article.image,
      imageAlt: article.image ? (article.imageAlt ?? article.title) : undefined,
      imageCaption: article.image ? article.imageCaption : undefined,
      aliases: aliases.length > 0 ? aliases : undefined,
      importedFrom: article.sourceId,
    },
    article.body,
  );
}

/** A problem of a planned file, placed at the item of the source it came from. */
function atOrigin(p: Problem, article: ImportedArticle, target: string): Problem {
  const { file, line, column } = article.origin;
  return { ...p, file, line, column, hint: [p.hint, `in the article that would be written to ${target}`].filter(Boolean).join('; ') };
}

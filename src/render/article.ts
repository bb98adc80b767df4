// One article file -> validated metadata + body HTML. A pure function of (file text, settings):
// no disk, no clock, no shared state, plain data out. That is what lets a later stage run it on
// worker threads and cache its result by a hash of its inputs. The front-matter is parsed and
// validated by load/parse.ts; this module renders the body and assembles the ArticleMeta.

import type { SourceFile } from '../load/discover.js';
import type { FrontMatter } from '../load/frontmatter.js';
import { parseArticle } from '../load/parse.js';
import { problem, type Problem } from '../problems/index.js';
import { slugOrFallback } from '../slugs.js';
import type { FrontMatterFields } from '../load/schema.js';
import { DATE_FORMS } from '../problems/catalogue.js';
import type { SiteDate } from '../dates.js';
import type { ArticleMeta, ArticleSettings, Term } from '../types/index.js';
import { articleUrl } from '../urls.js';
import { articleSizeProblem } from './article-size.js';
import { limitProblem } from './limit-problems.js';
import { MarkdownLimit } from './markdown-limits.js';
import { renderMarkdown, type RenderedMarkdown } from './markdown.js';
import { nestingProblem } from './nesting.js';

/** An article rendered: its metadata (what the model and lists hold) and its body HTML (what the cache stores). */
export interface RenderedArticle {
  meta: ArticleMeta;
  html: string;
}

/** renderArticle's answer: the article and its warnings, or the problems that stop it. */
export type ArticleResult =
  | { ok: true; article: RenderedArticle; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Render one article file: its metadata and body HTML, or the problems that stop it. */
export function renderArticle(source: SourceFile, settings: ArticleSettings): ArticleResult {
  const tooLarge = articleSizeProblem(source.file, Buffer.byteLength(source.text));
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const parsed = parseArticle(source, settings);
  if (!parsed.ok) return parsed;
  const { fields, extra, frontMatter, problems } = parsed;

  const tooDeep = nestingProblem(source.file, frontMatter.body, frontMatter.bodyLine);
  if (tooDeep) return { ok: false, problems: [tooDeep] };
  const tags = uniqueTerms(fields.tags ?? [], 'tag', settings.tagLimit + 1);
  if (tags.length > settings.tagLimit) {
    tags.length = settings.tagLimit;
    problems.push(tooManyTags(source, frontMatter, fields.tags?.length ?? 0, settings.tagLimit));
  }

  let body: RenderedMarkdown;
  try {
    body = renderMarkdown(frontMatter.body, {
      summaryLength: settings.summaryLength,
      basePath: settings.basePath,
      contentPath: source.contentPath,
    });
  } catch (error) {
    if (!(error instanceof MarkdownLimit)) throw error;
    return { ok: false, problems: [limitProblem(source.file, error, frontMatter.bodyLine)] };
  }
  const slug = fields.slug ?? slugOrFallback(fields.title, 'article');
  const language = articleLanguage(source, fields, frontMatter, settings);
  if (!language.ok) return { ok: false, problems: [language.problem] };
  const { lang, translationKey, inherits } = language;
  // A translation without a date takes its original's (model/translations.ts): until then, a placeholder.
  const date = fields.date ?? PENDING_DATE;
  const topicName = fields.topic ?? settings.defaultTopic;
  const prefix = settings.languages && lang !== settings.language ? `/${lang}` : '';

  const meta: ArticleMeta = {
    key: source.key ?? '',
    file: source.file,
    contentPath: source.contentPath,
    title: fields.title,
    slug,
    url: articleUrl(date, slug, prefix),
    date,
    updated: fields.updated,
    expires: fields.expires,
    topic: { name: topicName, slug: slugOrFallback(topicName, 'topic') },
    tags,
    summary: fields.summary ?? body.summary,
    source: fields.source,
    authors: uniqueTerms(fields.author ?? [], 'author', Infinity),
    draft: fields.draft ?? false,
    image: fields.image,
    imageAlt: fields.imageAlt,
    ...imagePlace(fields.image !== undefined ? frontMatter.locate(['image']) : undefined),
    imageCaption: fields.imageCaption,
    imageCredit: fields.imageCredit,
    imageFocus: fields.imageFocus,
    images: body.images.map((image) => ({ ...image, line: image.line + frontMatter.bodyLine - 1 })),
    corrections: fields.corrections ?? [],
    lang,
    translationKey,
    translationKeyAt: translationKey !== undefined && fields.translationKey !== undefined ? frontMatter.locate(['translationKey']) : undefined,
    inherits: inherits.length > 0 ? inherits : undefined,
    derived: undefined,
    aliases: fields.aliases ?? [],
    aliasesLine: fields.aliases !== undefined ? frontMatter.locate(['aliases']).line : undefined,
    extra,
    urlLine: frontMatter.locate([fields.slug !== undefined ? 'slug' : 'title']).line,
    bodyLine: frontMatter.bodyLine,
    links: body.links.map((link) => ({ ...link, line: link.line + frontMatter.bodyLine - 1 })),
  };
  return { ok: true, article: { meta, html: body.html }, problems };
}

/** The date of a translation whose date is its original's, until model/translations.ts gives it that. */
const PENDING_DATE: SiteDate = { iso: '1970-01-01T00:00:00+00:00', epoch: 0, year: '1970', month: '01', day: '01', hasTime: false, datetime: '1970-01-01' };

/**
 * An article's language (see ArticleMeta.lang), what links it to its translations, and which fields
 * it leaves to its original; on a one-language site, its `lang` or the site's. A `lang` the site
 * does not publish in, or a missing date with no original to take it from, is the problem.
 */
function articleLanguage(
  source: SourceFile,
  fields: FrontMatterFields,
  frontMatter: FrontMatter,
  settings: ArticleSettings,
): { ok: true; lang: string; translationKey?: string; inherits: NonNullable<ArticleMeta['inherits']> } | { ok: false; problem: Problem } {
  const languages = settings.languages;
  const dateMissing = () => problem('field-required', source.file, frontMatter.locate(['date']), { field: 'date', expected: DATE_FORMS });
  if (!languages) {
    if (fields.date === undefined) return { ok: false, problem: dateMissing() };
    return { ok: true, lang: fields.lang ?? settings.language, inherits: [] };
  }
  const first = source.contentPath.includes('/') ? source.contentPath.slice(0, source.contentPath.indexOf('/')) : undefined;
  const inFolder = first !== undefined && languages.includes(first);
  if (!inFolder && fields.lang !== undefined && !languages.includes(fields.lang)) {
    return { ok: false, problem: problem('lang-unknown', source.file, frontMatter.locate(['lang']), { lang: fields.lang, languages }) };
  }
  const lang = inFolder ? first : (fields.lang ?? settings.language);
  const translationKey = fields.translationKey ?? (inFolder ? source.contentPath.slice(first.length + 1) : source.contentPath);
  // The default language's articles are the originals: they take nothing from another. A topic
  // left out is the default topic, named in the model (model/translations.ts).
  if (lang === settings.language) {
    if (fields.date === undefined) return { ok: false, problem: dateMissing() };
    return { ok: true, lang, translationKey, inherits: fields.topic === undefined ? ['topic'] : [] };
  }
  const inherits: NonNullable<ArticleMeta['inherits']> = [];
  if (fields.date === undefined) inherits.push('date');
  if (fields.topic === undefined) inherits.push('topic');
  if (fields.tags === undefined) inherits.push('tags');
  if (fields.author === undefined) inherits.push('authors');
  if (fields.image === undefined) inherits.push('image');
  return { ok: true, lang, translationKey, inherits };
}

function imagePlace(at: { line: number; column: number } | undefined): Pick<ArticleMeta, 'imageLine' | 'imageColumn'> {
  return { imageLine: at?.line, imageColumn: at?.column };
}

/**
 * Names as terms, at most `limit` of them; two names with one slug (Almaty, almaty) are one term,
 * the first spelling kept.
 */
function uniqueTerms(names: readonly string[], prefix: string, limit: number): Term[] {
  const bySlug = new Map<string, Term>();
  for (const name of names) {
    if (bySlug.size === limit) break;
    const slug = slugOrFallback(name, prefix);
    if (!bySlug.has(slug)) bySlug.set(slug, { name, slug });
  }
  return [...bySlug.values()];
}

/** More tags than tagLimit: a warning, not thousands of tag pages and feeds. */
function tooManyTags(source: SourceFile, frontMatter: FrontMatter, count: number, limit: number): Problem {
  return problem('tags-too-many', source.file, frontMatter.locate(['tags']), { count, limit });
}

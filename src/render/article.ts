// One article file -> validated metadata + body HTML. A pure function of (file text, settings):
// no disk, no clock, no shared state, plain data out. That is what lets a later stage run it on
// worker threads and cache its result by a hash of its inputs.
//
// Front-matter rules (the README's table follows this schema): title and date required; a date
// without an offset is read in the site's time zone; the slug is made from the title unless given;
// unknown fields pass through to templates (reported as warnings, errors under --strict).

import { z } from 'zod';
import { parseContentDate, type SiteDate } from '../dates.js';
import { problem, type Problem } from '../problems.js';
import { DATE_FORMS } from '../problems/catalogue.js';
import { parseFrontMatter, type FrontMatter } from '../load/frontmatter.js';
import type { SourceFile } from '../load/discover.js';
import { renderMarkdown } from './markdown.js';
import { nestingProblem } from './nesting.js';
import { isValidSlug, slugOrFallback } from '../slugs.js';
import { articleUrl } from '../urls.js';
import type { ArticleMeta, ArticleSettings, Term } from '../types.js';

export interface RenderedArticle {
  meta: ArticleMeta;
  html: string;
}

export type ArticleResult =
  | { ok: true; article: RenderedArticle; problems: Problem[] }
  | { ok: false; problems: Problem[] };

const KNOWN_FIELDS = [
  'title', 'date', 'updated', 'topic', 'tags', 'summary', 'source', 'author', 'slug', 'draft',
  'expires', 'image', 'imageAlt', 'lang',
] as const;

/**
 * Longest value of each kind of field, in characters: ten times or more the longest real one
 * (seed headlines are under 120 characters, names under 80), so only runaway values are refused.
 * A slug also becomes a folder name, which file systems cap at 255 bytes.
 */
export const FIELD_LIMITS = { title: 1000, summary: 10_000, name: 500, slug: 200, image: 2000 } as const;

function text(expected: string, maxLength: number) {
  return z
    .union([z.string(), z.number()], { error: expected })
    .transform((value) => String(value).trim())
    .pipe(z.string().min(1, { error: expected }).refine((value) => value.length <= maxLength, tooLong(maxLength)));
}

function tooLong(maxLength: number) {
  return { error: `at most ${maxLength.toLocaleString('en')} characters`, params: { code: 'field-too-long' }, abort: true };
}

function optional<T extends z.ZodType>(schema: T) {
  // YAML's `field:` with nothing after it is null: treat it as absent.
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

function dateField(timeZone: string) {
  return z.union([z.string(), z.number()], { error: DATE_FORMS }).transform((value, ctx): SiteDate => {
    const parsed = parseContentDate(String(value), timeZone);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: DATE_FORMS, params: { code: 'date-invalid' } });
      return z.NEVER;
    }
    return parsed;
  });
}

const LIST_EXPECTED = 'a list of names, such as [Almaty, UNESCO] or "Almaty, UNESCO"';

const nameEntry = z
  .union([z.string(), z.number()], { error: 'each entry to be a name' })
  .refine((value) => String(value).trim().length <= FIELD_LIMITS.name, tooLong(FIELD_LIMITS.name));

const nameList = z
  .union([
    z.string().refine((value) => value.split(',').every((name) => name.trim().length <= FIELD_LIMITS.name), tooLong(FIELD_LIMITS.name)),
    z.number(),
    z.array(nameEntry),
  ], { error: LIST_EXPECTED })
  .transform((value) => {
    const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
    return [...new Set(items.map((item) => item.trim().replace(/\s+/g, ' ')).filter(Boolean))];
  });

// zod 4 compiles a schema on first use: building one per article cost more than validating it.
const schemas = new Map<string, ReturnType<typeof createFrontMatterSchema>>();

function frontMatterSchema(settings: ArticleSettings) {
  let schema = schemas.get(settings.timeZone);
  if (!schema) {
    schema = createFrontMatterSchema(settings.timeZone);
    schemas.set(settings.timeZone, schema);
  }
  return schema;
}

function createFrontMatterSchema(timeZone: string) {
  return z
    .object({
      title: text('a non-empty title', FIELD_LIMITS.title),
      date: dateField(timeZone),
      updated: optional(dateField(timeZone)),
      expires: optional(dateField(timeZone)),
      topic: optional(text('a topic name such as Politics or Culture', FIELD_LIMITS.name)),
      tags: optional(nameList),
      summary: optional(text('a one-paragraph summary', FIELD_LIMITS.summary)),
      source: optional(text('the name of the source, such as Qazinform News Agency', FIELD_LIMITS.name)),
      author: optional(nameList),
      slug: optional(
        z
          .string({ error: 'a slug of lowercase letters, digits and -' })
          .refine((slug) => slug.length <= FIELD_LIMITS.slug, tooLong(FIELD_LIMITS.slug))
          .refine(isValidSlug, {
            error: 'a slug of lowercase letters, digits and - only (no /, .., spaces or capitals), such as new-flight-to-tbilisi',
            params: { code: 'slug-invalid' },
          }),
      ),
      draft: optional(z.boolean({ error: 'true or false' })),
      image: optional(text('an image path or URL', FIELD_LIMITS.image)),
      imageAlt: optional(text('a description of the image for readers who cannot see it', FIELD_LIMITS.image)),
      lang: optional(
        z.string({ error: 'a language tag such as en or kk' }).regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, {
          error: 'a language tag such as en, kk or ru',
        }),
      ),
    })
    .loose()
    .superRefine((value, ctx) => {
      if (value.image !== undefined && value.imageAlt === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['imageAlt'],
          message: 'a description of the image (imageAlt) whenever image is set',
          params: { near: 'image' },
        });
      }
    });
}

export function renderArticle(source: SourceFile, settings: ArticleSettings): ArticleResult {
  const split = parseFrontMatter(source);
  if (!split.ok) return split;
  const frontMatter = split.value;

  const parsed = frontMatterSchema(settings).safeParse(frontMatter.data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => issueToProblem(issue, source, frontMatter)) };
  }
  const fields = parsed.data;

  const problems: Problem[] = [];
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(frontMatter.data)) {
    if ((KNOWN_FIELDS as readonly string[]).includes(key)) continue;
    extra[key] = value;
    problems.push(
      problem('field-unknown', source.file, frontMatter.locate([key]), { field: key, known: KNOWN_FIELDS }),
    );
  }

  const tooDeep = nestingProblem(source.file, frontMatter.body, frontMatter.bodyLine);
  if (tooDeep) return { ok: false, problems: [tooDeep] };
  const tags = uniqueTerms(fields.tags ?? [], 'tag', settings.tagLimit + 1);
  if (tags.length > settings.tagLimit) {
    tags.length = settings.tagLimit;
    problems.push(tooManyTags(source, frontMatter, fields.tags?.length ?? 0, settings.tagLimit));
  }

  const body = renderMarkdown(frontMatter.body, {
    summaryLength: settings.summaryLength,
    basePath: settings.basePath,
    contentPath: source.contentPath,
  });
  const slug = fields.slug ?? slugOrFallback(fields.title, 'article');
  const { date } = fields;
  const topicName = fields.topic ?? settings.defaultTopic;

  const meta: ArticleMeta = {
    key: source.key ?? '',
    file: source.file,
    contentPath: source.contentPath,
    title: fields.title,
    slug,
    url: articleUrl(date, slug),
    date,
    updated: fields.updated,
    expires: fields.expires,
    topic: { name: topicName, slug: slugOrFallback(topicName, 'topic') },
    tags,
    summary: fields.summary ?? body.summary,
    source: fields.source,
    authors: fields.author ?? [],
    draft: fields.draft ?? false,
    image: fields.image,
    imageAlt: fields.imageAlt,
    imageLine: fields.image !== undefined ? frontMatter.locate(['image']).line : undefined,
    lang: fields.lang ?? settings.language,
    extra,
    urlLine: frontMatter.locate([fields.slug !== undefined ? 'slug' : 'title']).line,
    bodyLine: frontMatter.bodyLine,
    links: body.links.map((link) => ({ ...link, line: link.line + frontMatter.bodyLine - 1 })),
  };
  return { ok: true, article: { meta, html: body.html }, problems };
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

function issueToProblem(issue: z.core.$ZodIssue, source: SourceFile, frontMatter: FrontMatter): Problem {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const field = path.map(String).join('.') || 'front-matter';
  const topField = path[0];
  const value = topField === undefined ? undefined : frontMatter.data[String(topField)];
  const missing = value === undefined || value === null;
  const params = issue.code === 'custom' ? (issue.params as { code?: FieldCode; near?: string } | undefined) : undefined;
  if (missing) {
    const at = params?.near ? [params.near] : path.slice(0, 1);
    return problem('field-required', source.file, frontMatter.locate(at), { field, expected: issue.message });
  }
  const position = frontMatter.locate(path);
  const actual = valueAt(frontMatter.data, path);
  if (params?.code === 'date-invalid') return problem('date-invalid', source.file, position, { field, value: actual });
  if (params?.code === 'field-too-long') return problem('field-too-long', source.file, position, { field, expected: issue.message, length: String(actual).length });
  return problem(params?.code ?? 'field-invalid', source.file, position, { field, expected: issue.message, value: actual });
}

/** The codes a schema refinement names in its params (any other invalid value is field-invalid). */
type FieldCode = 'date-invalid' | 'slug-invalid' | 'field-too-long';

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** Every field of ArticleMeta, in the order renderArticle writes them. */
const META_FIELDS: ReadonlyArray<keyof ArticleMeta> = [
  'key', 'file', 'contentPath', 'title', 'slug', 'url', 'date', 'updated', 'expires', 'topic', 'tags', 'summary', 'source',
  'authors', 'draft', 'image', 'imageAlt', 'imageLine', 'lang', 'extra', 'urlLine', 'bodyLine', 'links',
];

/**
 * Metadata read back from JSON (the cache index) lacks the fields that were undefined, so its
 * objects come in many shapes, and every loop over 10,000 articles (sorting, grouping, planning)
 * runs megamorphic property loads. Restored with every field in renderArticle's order, they share
 * one shape with freshly rendered metadata.
 */
export function withEveryField(meta: ArticleMeta): ArticleMeta {
  const restored: Record<string, unknown> = {};
  for (const field of META_FIELDS) restored[field] = meta[field];
  return restored as unknown as ArticleMeta;
}

// The front-matter schema: which fields an article has, their types, forms and limits, and how a
// field that fails them becomes a Problem at its line and column. The README's front-matter table
// follows this schema. zod 4 compiles a schema on first use, so one is built per time zone and kept.

import { z } from 'zod';
import { parseContentDate, type SiteDate } from '../dates.js';
import { problem, type Problem } from '../problems/index.js';
import { DATE_FORMS } from '../problems/catalogue.js';
import { isValidSlug } from '../slugs.js';
import type { ArticleSettings } from '../types/index.js';
import { hasVisibleText, visibleText } from '../visible-text.js';
import type { FrontMatter } from './frontmatter.js';
import type { SourceFile } from './discover.js';

/** The front-matter fields Broadsheet reads; any other is passed to templates as `article.extra`. */
export const KNOWN_FIELDS = [
  'title', 'date', 'updated', 'topic', 'tags', 'summary', 'source', 'author', 'slug', 'draft',
  'expires', 'image', 'imageAlt', 'imageCaption', 'imageCredit', 'imageFocus', 'lang', 'translationKey', 'corrections', 'aliases', 'importedFrom',
] as const;

/**
 * Longest value of each kind of field, in characters: ten times or more the longest real one
 * (seed headlines are under 120 characters, names under 80), so only runaway values are refused.
 * A slug also becomes a folder name, which file systems cap at 255 bytes.
 */
export const FIELD_LIMITS = { title: 1000, summary: 10_000, name: 500, slug: 200, image: 2000 } as const;

/** A text field: a string (or a number, as YAML reads `2025`), trimmed, not empty, at most `maxLength` characters. */
export function text(expected: string, maxLength: number) {
  return z
    .union([z.string(), z.number()], { error: expected })
    .transform((value) => String(value).trim())
    .pipe(z.string().min(1, { error: expected }).refine((value) => value.length <= maxLength, tooLong(maxLength)));
}

/**
 * Text a reader sees (a title, a caption, a name): as `text`, with the characters that draw
 * nothing removed first (visible-text.ts). A value of such characters alone is refused as
 * `text-invisible`, not taken for a missing one.
 */
export function displayText(expected: string, maxLength: number) {
  return z
    .union([z.string(), z.number()], { error: expected })
    .transform((value, ctx) => {
      const written = String(value);
      if (written.trim() !== '' && !hasVisibleText(written)) {
        ctx.addIssue({ code: 'custom', message: expected, params: { code: 'text-invisible' } });
        return z.NEVER;
      }
      return visibleText(written).trim();
    })
    .pipe(z.string().min(1, { error: expected }).refine((value) => value.length <= maxLength, tooLong(maxLength)));
}

function tooLong(maxLength: number) {
  return { error: `at most ${maxLength.toLocaleString('en')} characters`, params: { code: 'field-too-long' }, abort: true };
}

/** An optional field; YAML's `field:` with nothing after it (null) counts as absent. */
export function optional<T extends z.ZodType>(schema: T) {
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

const FOCUS_EXPECTED = 'a focal point as two numbers from 0 to 1, across then down, such as 0.3,0.4 (0,0 is the top left corner)';

/** `imageFocus: 0.3,0.4`: where crops of the lead image centre, as fractions of its width and height. */
const focusField = z.union([z.string(), z.array(z.number())], { error: FOCUS_EXPECTED }).transform((value, ctx) => {
  const parts = Array.isArray(value) ? value : value.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  const [x, y] = parts;
  if (parts.length !== 2 || x === undefined || y === undefined || !(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
    ctx.addIssue({ code: 'custom', message: FOCUS_EXPECTED });
    return z.NEVER;
  }
  return { x, y };
});

const LIST_EXPECTED = 'a list of names, such as [Almaty, UNESCO] or "Almaty, UNESCO"';
const NAME_EXPECTED = 'each entry to be a name';

const nameEntry = z
  .union([z.string(), z.number()], { error: NAME_EXPECTED })
  .refine((value) => String(value).trim().length <= FIELD_LIMITS.name, tooLong(FIELD_LIMITS.name));

const nameList = z
  .union([
    z.string().refine((value) => value.split(',').every((name) => name.trim().length <= FIELD_LIMITS.name), tooLong(FIELD_LIMITS.name)),
    z.number(),
    z.array(nameEntry),
  ], { error: LIST_EXPECTED })
  .transform((value, ctx) => {
    const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
    const names: string[] = [];
    items.forEach((item, index) => {
      // An empty entry (a trailing comma) is dropped; one of invisible characters alone is refused.
      if (item.trim() !== '' && !hasVisibleText(item)) {
        ctx.addIssue({ code: 'custom', message: NAME_EXPECTED, path: Array.isArray(value) ? [index] : [], params: { code: 'text-invisible' } });
      }
      const name = visibleText(item).trim().replace(/\s+/g, ' ');
      if (name !== '') names.push(name);
    });
    return [...new Set(names)];
  });

const ALIAS_EXPECTED = 'a list of old URL paths of this article, such as [/2014/12/17/old-slug.html, "/?p=123"]';

/**
 * `aliases`: old URLs of the article, each a site path (`/2014/12/17/old.html`, `/old/`, `/?p=123`)
 * or an http(s) URL, of which the path and query are kept. No `..` or `.` segment, no backslash, no
 * control character, written out or as a percent-escape (`%2e%2e`, `%5C`, `%00`): each becomes a
 * file in the output folder.
 */
const aliasList = z
  .union([z.string(), z.array(z.string({ error: 'each old URL to be a path such as /2014/12/17/old-slug.html' }))], { error: ALIAS_EXPECTED })
  .transform((value, ctx) => {
    const paths: string[] = [];
    for (const [index, alias] of (Array.isArray(value) ? value : [value]).entries()) {
      const path = aliasPath(alias.trim());
      if (path === undefined) {
        ctx.addIssue({ code: 'custom', message: `${ALIAS_EXPECTED}; each starting with / and without .. or \\`, input: alias, path: Array.isArray(value) ? [index] : [] });
        return z.NEVER;
      }
      if (!paths.includes(path)) paths.push(path);
    }
    return paths;
  });

/** An old URL as a site path with its query (`/a/b.html`, `/?p=1`), or undefined when it cannot be one. */
export function aliasPath(alias: string): string | undefined {
  let path = alias;
  if (/^https?:\/\//i.test(alias)) {
    if (!URL.canParse(alias)) return undefined;
    const url = new URL(alias);
    path = `${url.pathname}${url.search}`;
  }
  // eslint-disable-next-line no-control-regex
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\') || /[\u0000-\u001f\u007f#]/.test(path) || path.length > FIELD_LIMITS.image) return undefined;
  const [pathname = ''] = path.split('?', 1);
  // The redirect page is named by the path decoded, as a server decodes the request (pages/redirects.ts):
  // %2e%2e is a .. segment and %5C a backslash there.
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Not a valid escape: no file is named by it, only _redirects lists it.
  }
  // eslint-disable-next-line no-control-regex
  if (decoded.includes('\\') || /[\u0000-\u001f\u007f]/.test(decoded)) return undefined;
  if ([pathname, decoded].some((each) => each.split('/').some((segment) => segment === '..' || segment === '.'))) return undefined;
  return path;
}

const CORRECTION_EXPECTED = 'a correction with a date and a text, such as {date: 2025-12-19, text: "An earlier version gave the wrong venue."}';

function correctionList(timeZone: string) {
  return z.array(
    z.strictObject({ date: dateField(timeZone), text: displayText('the text of the correction, saying what was wrong', FIELD_LIMITS.summary) }, { error: CORRECTION_EXPECTED }),
    { error: 'a list of corrections, each with a date and a text, such as [{date: 2025-12-19, text: "An earlier version gave the wrong venue."}]' },
  );
}

// zod 4 compiles a schema on first use: building one per article cost more than validating it.
const schemas = new Map<string, ReturnType<typeof createFrontMatterSchema>>();

/**
 * The schema for a site's settings (by time zone, which dates are read in), built once. On a
 * multilingual site (`languages`) `date` may be left out: a translation takes its original's
 * (render/article.ts asks for it where there is no original to take it from).
 */
export function frontMatterSchema(settings: Pick<ArticleSettings, 'timeZone' | 'languages'>) {
  const key = `${settings.timeZone}|${settings.languages ? 'multilingual' : ''}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = createFrontMatterSchema(settings.timeZone, settings.languages !== undefined);
    schemas.set(key, schema);
  }
  return schema;
}

function createFrontMatterSchema(timeZone: string, dateMayBeInherited: boolean) {
  // Typed as always there: a multilingual site's translation without a date gets its original's
  // before anything reads it (model/translations.ts).
  const date = (dateMayBeInherited ? optional(dateField(timeZone)) : dateField(timeZone)) as ReturnType<typeof dateField>;
  return z
    .object({
      title: displayText('a non-empty title', FIELD_LIMITS.title),
      date,
      updated: optional(dateField(timeZone)),
      expires: optional(dateField(timeZone)),
      topic: optional(displayText('a topic name such as Politics or Culture', FIELD_LIMITS.name)),
      tags: optional(nameList),
      summary: optional(displayText('a one-paragraph summary', FIELD_LIMITS.summary)),
      source: optional(displayText('the name of the source, such as Qazinform News Agency', FIELD_LIMITS.name)),
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
      imageAlt: optional(displayText('a description of the image for readers who cannot see it', FIELD_LIMITS.image)),
      imageCaption: optional(displayText('a caption for the lead image', FIELD_LIMITS.summary)),
      imageCredit: optional(displayText('who took or owns the photo, such as Aigerim Sultanova / Qazinform', FIELD_LIMITS.name)),
      imageFocus: optional(focusField),
      corrections: optional(correctionList(timeZone)),
      aliases: optional(aliasList),
      importedFrom: optional(text('where the article was imported from: the source id or URL an import recorded', FIELD_LIMITS.image)),
      lang: optional(
        z.string({ error: 'a language tag such as en or kk' }).regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, {
          error: 'a language tag such as en, kk or ru',
        }),
      ),
      translationKey: optional(text('a name shared by the translations of one story, such as tbilisi-flight', FIELD_LIMITS.slug)),
    })
    .loose()
    .superRefine((value, ctx) => {
      // An update before publication, or an expiry at or before it, is a mistyped date (a translation
      // without a date is checked against its original's: model/translations.ts).
      if (value.date === undefined) return;
      if (value.updated !== undefined && value.updated.epoch < value.date.epoch) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'updated', params: { code: 'date-order' } });
      }
      if (value.expires !== undefined && value.expires.epoch <= value.date.epoch) {
        ctx.addIssue({ code: 'custom', path: ['expires'], message: 'expires', params: { code: 'date-order' } });
      }
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

/** The fields of a valid front-matter, as the schema gives them (dates read, names trimmed). */
export type FrontMatterFields = z.infer<ReturnType<typeof createFrontMatterSchema>>;

/** A schema issue as a Problem at the offending field's line and column. */
export function issueToProblem(issue: z.core.$ZodIssue, source: SourceFile, frontMatter: FrontMatter): Problem {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  // A field inside a list entry that has fields it should not (a correction with a `note:`): the first of them.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    const at = [...path, issue.keys[0]];
    return problem('field-invalid', source.file, frontMatter.locate(at), { field: at.join('.'), expected: `${issue.message}, and no other fields`, value: valueAt(frontMatter.data, at) });
  }
  const field = path.map(String).join('.') || 'front-matter';
  const topField = path[0];
  const value = topField === undefined ? undefined : frontMatter.data[String(topField)];
  // Missing: the field itself, or a field of a list entry (a correction without its text).
  const missing = value === undefined || value === null || (path.length > 2 && valueAt(frontMatter.data, path) === undefined);
  const params = issue.code === 'custom' ? (issue.params as { code?: FieldCode; near?: string } | undefined) : undefined;
  if (missing) {
    // A field of an entry is pointed at by its entry.
    const at = params?.near ? [params.near] : path.length > 2 ? path.slice(0, -1) : path.slice(0, 1);
    return problem('field-required', source.file, frontMatter.locate(at), { field, expected: issue.message });
  }
  const position = frontMatter.locate(path);
  const actual = valueAt(frontMatter.data, path);
  if (params?.code === 'date-invalid') return problem('date-invalid', source.file, position, { field, value: actual });
  if (params?.code === 'date-order') return problem('date-order', source.file, position, { field, value: actual, date: frontMatter.data.date });
  if (params?.code === 'text-invisible') return problem('text-invisible', source.file, position, { field, expected: issue.message, value: actual });
  if (params?.code === 'field-too-long') return problem('field-too-long', source.file, position, { field, expected: issue.message, length: String(actual).length });
  return problem(params?.code ?? 'field-invalid', source.file, position, { field, expected: issue.message, value: actual });
}

/** The codes a schema refinement names in its params (any other invalid value is field-invalid). */
type FieldCode = 'date-invalid' | 'date-order' | 'slug-invalid' | 'field-too-long' | 'text-invisible';

/** The value at `path` inside parsed YAML data (undefined where the path leads nowhere): what an error quotes as "got". */
export function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

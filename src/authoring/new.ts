// `broadsheet new "Title"`: writes content/YYYY/MM/<slug>.md (content/<lang>/... for another
// language of a multilingual site) with valid front-matter, dated now in the site's time zone.
// Refuses to overwrite, and checks the result with the same validation the build uses, so a new
// article always builds.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle } from '../render/article.js';
import { articleSettings } from '../render/setup.js';
import { CONFIG_FILES, loadConfig } from '../config.js';
import { checkSiteFolder } from '../config-folders.js';
import { siteLanguages } from '../languages.js';
import { formatDate } from '../date-display.js';
import { buildTime, parseContentDate, siteDateFromEpoch } from '../dates.js';
import { BuildFailure, describeProblem, problem, type Problem } from '../problems/index.js';
import { DATE_FORMS } from '../problems/catalogue.js';
import { displayPath } from '../load/discover.js';
import { serializeArticle } from '../load/frontmatter.js';
import { slugOrFallback } from '../slugs.js';
import { SystemFailure } from '../write/os-errors.js';

/** Input to createArticle: empty or missing `tags` writes none; a missing `slug` is made from the title. */
export interface NewArticle {
  root: string;
  title: string;
  topic?: string;
  tags?: string[];
  /** ISO date or date-time (see isArticleDate); default now. A RangeError if it is not one. */
  date?: string;
  slug?: string;
  /** One of a multilingual site's languages: the article goes under content/<lang>/ (the default language's at the top). */
  lang?: string;
}

/** Is `text` a date `new` takes (2025-12-18, 2025-12-18 19:20, ...)? What it is not is said by DATE_FORMS. */
export function isArticleDate(text: string): boolean {
  return parseContentDate(text, 'UTC') !== undefined;
}

/** Create the file; returns its path relative to the site root. */
export async function createArticle(input: NewArticle): Promise<string> {
  // A --root with a typo (or a folder inside the site) is not a site to write into.
  checkSiteFolder(path.resolve(input.root), CONFIG_FILES);
  const config = await loadConfig(input.root);
  const languages = siteLanguages(config);
  const language = input.lang === undefined ? languages[0]! : languages.find((each) => each.code === input.lang);
  if (!language) throw new SystemFailure(`--lang ${input.lang} is not one of the site's languages (${languages.map((each) => each.code).join(', ')}): give one of them, or add it to languages in site.config.ts.`);
  const date = input.date
    ? parseContentDate(input.date, config.timeZone)
    : siteDateFromEpoch(buildTime(), config.timeZone);
  // A wrong date is the caller's (the CLI refuses one as a usage error before calling), not a file's.
  if (!date) throw new RangeError(`date: expected ${DATE_FORMS}, got ${JSON.stringify(input.date)}`);
  const slug = input.slug ?? slugOrFallback(input.title, 'article');
  const absolute = path.join(config.contentPath, ...(language.isDefault ? [] : [language.code]), date.year, date.month, `${slug}.md`);
  const file = displayPath(config, absolute);
  const text = serializeArticle(
    {
      title: input.title,
      // `--date 2025-12-18` stays a day: pages then show no time the author never gave.
      date: date.hasTime ? formatDate(date.iso, "yyyy-MM-dd'T'HH:mm:ssZZ", config.timeZone, 'en') : date.datetime,
      topic: input.topic,
      tags: input.tags && input.tags.length > 0 ? input.tags : undefined,
      slug: input.slug,
      draft: true,
    },
    'Write the article here. The first paragraph becomes the summary unless you set `summary:`.',
  );

  const check = renderArticle({ file, contentPath: path.relative(config.contentPath, absolute), text }, articleSettings(config));
  if (!check.ok) throw refusedInput(check.problems, input);
  if (existsSync(absolute)) {
    throw new BuildFailure([
      problem('file-exists', file, { line: 1, column: 1 }),
    ]);
  }
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, text, { flag: 'wx' });
  return file;
}

/** The option (or argument) of `new` that sets each front-matter field it writes from its input. */
const GIVEN_BY: Readonly<Record<string, string>> = { title: 'the title', topic: '--topic', tags: '--tags', slug: '--slug' };

/**
 * What `new` refuses in the file it would write, said of the option that gave it: the file does not
 * exist, so a place in it ("content/etc/x.md:4:7" for --slug ../../etc/x) helps no one. Problems
 * of no option's field stay a BuildFailure.
 */
function refusedInput(problems: readonly Problem[], input: NewArticle): Error {
  const given = problems.map((found) => {
    const field = found.field?.split('.')[0];
    const option = field === undefined ? undefined : GIVEN_BY[field];
    if (option === undefined || (field !== 'title' && input[field as keyof NewArticle] === undefined)) return undefined;
    return `${option}: ${describeProblem({ ...found, field: undefined })}${found.hint ? ` (${found.hint})` : ''}`;
  });
  if (given.some((line) => line === undefined)) return new BuildFailure(problems);
  return new SystemFailure(given.join('; '));
}

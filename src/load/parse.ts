// One article file's front-matter, parsed and validated: a pure function of the file's text and the
// site's settings. The YAML is split off with its positions kept (frontmatter.ts), checked against
// the schema (schema.ts), and fields Broadsheet does not know are set aside for templates (a
// warning when one looks like a misspelled known field, otherwise reported only under --strict). The Markdown body is not touched here: render/ turns it into HTML.

import { problem, type Problem } from '../problems/index.js';
import { nearestName } from '../problems/suggestions.js';
import type { ArticleSettings } from '../types/index.js';
import type { SourceFile } from './discover.js';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { frontMatterSchema, issueToProblem, KNOWN_FIELDS, type FrontMatterFields } from './schema.js';

/** A parsed article: its valid fields, its unknown ones, its front-matter (body, positions) and warnings. */
export type ParsedArticle =
  | { ok: true; fields: FrontMatterFields; extra: Record<string, unknown>; frontMatter: FrontMatter; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Parse and validate an article file's front-matter; every problem names its file, line and column. */
export function parseArticle(source: SourceFile, settings: Pick<ArticleSettings, 'timeZone' | 'languages'>): ParsedArticle {
  const split = parseFrontMatter(source);
  if (!split.ok) return split;
  const frontMatter = split.value;

  const problems: Problem[] = [];
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(frontMatter.data)) {
    if ((KNOWN_FIELDS as readonly string[]).includes(key)) continue;
    extra[key] = value;
    // A misspelling of a field Broadsheet reads is worth a warning; a field of the site's own
    // (for its templates) is reported only under --strict.
    const nearest = nearestName(key, KNOWN_FIELDS);
    const place = frontMatter.locate([key]);
    problems.push(nearest ? problem('field-misspelled', source.file, place, { field: key, nearest }) : problem('field-unknown', source.file, place, { field: key, known: KNOWN_FIELDS }));
  }
  const parsed = frontMatterSchema(settings).safeParse(frontMatter.data);
  if (!parsed.success) {
    // With the errors, the misspellings: `dat:` is why `date` is missing.
    const misspelled = problems.filter((p) => p.code === 'field-misspelled');
    return { ok: false, problems: [...parsed.error.issues.map((issue) => issueToProblem(issue, source, frontMatter)), ...misspelled] };
  }
  return { ok: true, fields: parsed.data, extra, frontMatter, problems };
}

// The site's authors file, content/authors.yaml: who writes for the site (a name, and optionally a
// bio, a photo, a website and profile URLs elsewhere), for author pages and the Person JSON-LD of
// bylines. Optional: without it, author pages carry names only. It lives in the content folder
// because the newsroom edits it with the articles (DESIGN.md's layout has no other folder for
// content); article discovery takes only `*.md`, so it is never read as an article.
//
// Read once per build, under the same symlink policy as every file the build reads; its YAML is
// held to the front-matter limits (depth, aliases). Every problem names the file, line and column,
// the author and the field. Pure but for reading the one file.

import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { SiteConfig } from '../config.js';
import { positionAt, problem, type Position, type Problem } from '../problems/index.js';
import { slugOrFallback } from '../slugs.js';
import type { Author, AuthorProfiles } from '../types/index.js';
import { isSitePath } from '../urls.js';
import { hasVisibleText, visibleText } from '../visible-text.js';
import { displayPath, isInside, linkPolicy, readInputText } from './discover.js';
import { normaliseText } from './frontmatter.js';
import { displayText, FIELD_LIMITS, optional, text, valueAt } from './schema.js';
import { inspectYamlTree, isAliasBomb, YAML_DEPTH_LIMIT, YAML_MAX_ALIAS_COUNT } from './yaml-limits.js';

/** The authors file's name, in the content folder. */
export const AUTHORS_FILE = 'authors.yaml';

/** The fields an author entry may have, in the order the README documents them. */
export const AUTHOR_FIELDS = ['name', 'bio', 'photo', 'url', 'sameAs'] as const;

const URL_EXPECTED = 'an absolute http(s) URL such as https://example.org/about';

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

const httpUrl = z.string({ error: URL_EXPECTED }).trim().refine(isHttpUrl, { error: URL_EXPECTED });

const entrySchema = z.strictObject(
  {
    name: displayText('the name as bylines write it, such as Aigerim Sultanova', FIELD_LIMITS.name),
    bio: optional(displayText('a sentence or two about the author', FIELD_LIMITS.summary)),
    // A site path, or a URL that names its scheme: "//host/x.jpg" is another site's file, not a path of this one.
    photo: optional(
      text('a site path such as /images/authors/aigerim.jpg or an http(s) URL', FIELD_LIMITS.image).refine((value) => isSitePath(value) || isHttpUrl(value), {
        error: 'a site path such as /images/authors/aigerim.jpg (a file of static/) or an http(s) URL such as https://example.org/aigerim.jpg',
      }),
    ),
    url: optional(httpUrl),
    sameAs: optional(
      z.union([httpUrl.transform((url) => [url]), z.array(httpUrl)], { error: `a list of profile URLs, each ${URL_EXPECTED}` }),
    ),
  },
  { error: 'an author: fields such as name: and bio:, one "- name: ..." entry per author' },
);

/** The authors file's profiles by author slug, and its problems (none when there is no file). */
export interface LoadedAuthors {
  profiles: AuthorProfiles;
  problems: Problem[];
}

/** Read and validate the site's authors file, if it has one. */
export function loadAuthors(config: Pick<SiteConfig, 'root' | 'contentPath' | 'allowOutsidePaths'>): LoadedAuthors {
  const absolute = path.join(config.contentPath, AUTHORS_FILE);
  const file = displayPath(config, absolute);
  if (!lstatSync(absolute, { throwIfNoEntry: false })) return { profiles: new Map(), problems: [] };
  const refused = refusedLink(config, absolute, file);
  if (refused) return { profiles: new Map(), problems: [refused] };
  return parseAuthors(readInputText(absolute), file);
}

/** The authors file's text (as read from `file`) as profiles, and every problem in it. Pure. */
export function parseAuthors(source: string, file: string): LoadedAuthors {
  const text = normaliseText(source);
  const none: LoadedAuthors = { profiles: new Map(), problems: [] };
  const fail = (p: Problem): LoadedAuthors => ({ profiles: new Map(), problems: [p] });
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const tree = inspectYamlTree(doc);
  if (tree.tooDeep !== undefined) return fail(problem('yaml-nesting', file, positionAt(text, tree.tooDeep), { limit: YAML_DEPTH_LIMIT }));
  const parserError = doc.errors[0];
  const error = tree.error && (!parserError || tree.error.pos[0] < parserError.pos[0]) ? tree.error : parserError;
  if (error) return fail(problem('authors-invalid', file, positionAt(text, error.pos[0]), { kind: 'yaml', yamlCode: error.code, parserMessage: error.message.split('\n')[0]! }));
  if (tree.circular !== undefined) return fail(problem('yaml-aliases', file, positionAt(text, tree.circular), { kind: 'circular' }));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (thrown) {
    if (!isAliasBomb(thrown)) throw thrown;
    return fail(problem('yaml-aliases', file, positionAt(text, tree.firstAlias ?? 0), { kind: 'bomb', limit: YAML_MAX_ALIAS_COUNT }));
  }
  if (data === null || data === undefined) return none;
  const locate = locator(doc, text);
  if (!Array.isArray(data)) return fail(problem('authors-invalid', file, locate([]), { kind: 'not-a-list' }));

  const profiles = new Map<string, Author>();
  const lines = new Map<string, number>();
  const problems: Problem[] = [];
  data.forEach((entry: unknown, index) => {
    const parsed = entrySchema.safeParse(entry);
    const name = (entry as { name?: unknown } | null)?.name;
    const named = (typeof name === 'string' || typeof name === 'number') && hasVisibleText(String(name));
    const author = named ? visibleText(String(name)).trim() : `author number ${index + 1}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(issueProblem(issue, { file, index, author, entry, locate }));
      return;
    }
    const { bio, photo, url, sameAs } = parsed.data;
    const slug = slugOrFallback(parsed.data.name, 'author');
    const at = locate([index, 'name']);
    const other = lines.get(slug);
    if (other !== undefined) {
      problems.push(problem('authors-invalid', file, at, { kind: 'duplicate', author: parsed.data.name, otherLine: other }));
      return;
    }
    lines.set(slug, at.line);
    profiles.set(slug, { name: parsed.data.name, slug, bio, photo, url, sameAs: sameAs ?? [] });
  });
  return { profiles, problems };
}

/**
 * Where a path of the document is: its node's start, else the nearest enclosing node's; 1:1 if
 * none. With `key`, the path's last part is a map key and its own start is wanted (a field that
 * should not be there is its name, not its value).
 */
function locator(doc: Document.Parsed, text: string): (at: ReadonlyArray<string | number>, key?: 'key') => Position {
  return (at, key) => {
    if (key && at.length > 0) {
      const map = doc.getIn(at.slice(0, -1), true);
      const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === at[at.length - 1]) : undefined;
      if (pair && isScalar(pair.key) && pair.key.range) return positionAt(text, pair.key.range[0]);
    }
    for (let length = at.length; length >= 0; length--) {
      const node = length === 0 ? doc.contents : doc.getIn(at.slice(0, length), true);
      if (isNode(node) && node.range && node.range[1] > node.range[0]) return positionAt(text, node.range[0]);
    }
    return { line: 1, column: 1 };
  };
}

interface EntryPlace {
  file: string;
  index: number;
  author: string;
  entry: unknown;
  locate: ReturnType<typeof locator>;
}

function issueProblem(issue: z.core.$ZodIssue, place: EntryPlace): Problem {
  const inEntry = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const { file, index, author } = place;
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    const field = issue.keys[0];
    return problem('authors-invalid', file, place.locate([index, field], 'key'), { kind: 'unknown-field', author, field, known: AUTHOR_FIELDS });
  }
  const value = valueAt(place.entry, inEntry);
  const missing = value === undefined && inEntry.length > 0;
  const at = missing ? place.locate([index]) : place.locate([index, ...inEntry]);
  return problem('authors-invalid', file, at, { kind: 'field', author, field: inEntry.join('.') || 'entry', expected: issue.message, value, missing });
}

/** A link as the authors file that leads outside the site, or nowhere: the problem, as for any file the build reads. */
function refusedLink(config: Pick<SiteConfig, 'root' | 'allowOutsidePaths'>, absolute: string, file: string): Problem | undefined {
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch (error) {
    return problem('symlink-broken', file, { line: 1, column: 1 }, { target: file, cause: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (linkPolicy(config).inside.some((folder) => isInside(real, folder))) return undefined;
  return problem('symlink-outside', file, { line: 1, column: 1 }, { target: real });
}

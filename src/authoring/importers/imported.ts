// What every importer makes, whatever it read: articles in one shape (ImportedArticle), and a
// report of what it left out, kept as text, could not find or had to fill in (ImportReport), with
// the source's file, line and column for each. The shared writer (write-import.ts) turns the
// articles into files; the CLI prints the report's problems and its summary line.

import { problem, type Position, type Problem, type ProblemArgs } from '../../problems/index.js';
import type { IMPORT_FORMATS } from '../../problems/imports.js';

/** A format `broadsheet import` reads (the `--from` names). */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A file to copy beside an imported article (an image its body or lead shows). */
export interface ImportedAsset {
  /** Absolute path of the file in the source. */
  source: string;
  /** Its name beside the article: letters, digits, `.`, `-` and `_` only. */
  name: string;
}

/** One article as an importer read it: front-matter values as text, the body as Markdown. */
export interface ImportedArticle {
  /** The source's identity of the item (a WordPress post's ?p= address, a feed entry's id, a file's path): recorded as `importedFrom`. */
  sourceId: string;
  /** Where it is in the source, for problems. */
  origin: { file: string } & Position;
  title: string;
  /** Front-matter date text: `2014-12-17T11:16:21-08:00`, `2025-12-18 19:20`, `2025-12-18`. */
  date: string;
  updated?: string;
  /** The slug the source used, if any; the writer makes it a valid one. */
  slug?: string;
  topic?: string;
  tags?: string[];
  authors?: string[];
  summary?: string;
  draft?: boolean;
  image?: string;
  imageAlt?: string;
  imageCaption?: string;
  /** The source's URLs of the article, as site paths (`/2014/12/17/slug.html`, `/?p=12`). */
  aliases?: string[];
  /** Markdown. A link to another article of the same import is written with linkToImported(). */
  body: string;
  assets?: ImportedAsset[];
}

/** Marks a link to another imported article in a body: `broadsheet-import:<sourceId>:<fallback>`, both parts encoded. */
const IMPORTED_LINK = 'broadsheet-import:';

/** Percent-encoding that leaves nothing a Markdown link destination reads (no parentheses, no spaces). */
const encodePart = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The address to write in a body for a link to the imported article `sourceId` (a fragment may
 * follow it). Its file is known only once the writer has placed every article: there
 * resolveImportedLinks makes it that file's path, which the build turns into the article's URL.
 * `fallback` is written instead if that article is not written after all.
 */
export function linkToImported(sourceId: string, fallback: string): string {
  return `${IMPORTED_LINK}${encodePart(sourceId)}:${encodePart(fallback)}`;
}

const IMPORTED_LINK_PATTERN = new RegExp(`${IMPORTED_LINK}([\\w%.~-]*):([\\w%.~-]*)`, 'g');

/**
 * A body with its links to imported articles (linkToImported) made the path of their files,
 * relative to the article's own folder (`fileOf` gives it; undefined: the fallback is written).
 */
export function resolveImportedLinks(body: string, fileOf: (sourceId: string) => string | undefined): string {
  if (!body.includes(IMPORTED_LINK)) return body;
  return body.replace(IMPORTED_LINK_PATTERN, (_, id: string, fallback: string) => {
    const file = fileOf(decodeURIComponent(id));
    return file === undefined ? decodeURIComponent(fallback) : file.split('/').map(encodePart).join('/');
  });
}

/** An author an import names, for content/authors.yaml. */
export interface ImportedAuthor {
  name: string;
  bio?: string;
  url?: string;
}

/** What an importer read from its source. */
export interface ImportedSource {
  format: ImportFormat;
  articles: ImportedArticle[];
  /** Authors with more to say than a name (WordPress's display names). */
  authors: ImportedAuthor[];
  report: ImportReport;
}

/** Counts of what an import did not take as it was: the summary line's figures. */
export interface ImportCounts {
  /** Items left out, by what they were ("page", "attachment", "private post"). */
  leftOut: Map<string, number>;
  markupKept: number;
  imagesMissing: number;
  fieldsFilled: number;
  /** Links to files of the source that are not imported, kept as written. */
  linksKept: number;
}

/** Warnings of an import as it reads its source, counted for the summary. */
export class ImportReport {
  readonly problems: Problem[] = [];
  readonly counts: ImportCounts = { leftOut: new Map(), markupKept: 0, imagesMissing: 0, fieldsFilled: 0, linksKept: 0 };

  constructor(readonly file: string) {}

  /** An item that is not an article (or may not be published) was left out. */
  leftOut(at: Position, args: ProblemArgs['import-left-out'], file = this.file, count = 1): void {
    this.counts.leftOut.set(args.what, (this.counts.leftOut.get(args.what) ?? 0) + count);
    this.problems.push(problem('import-left-out', file, at, args));
  }

  /** A shortcode or template tag stays in the text as written. */
  markupKept(at: Position, args: ProblemArgs['import-markup-kept'], file = this.file): void {
    this.counts.markupKept++;
    this.problems.push(problem('import-markup-kept', file, at, args));
  }

  /** An image the source links was not found to copy. */
  imageMissing(at: Position, args: ProblemArgs['import-image-missing'], file = this.file): void {
    this.counts.imagesMissing++;
    this.problems.push(problem('import-image-missing', file, at, args));
  }

  /** A field the article needs was filled in from something else. */
  fieldFilled(at: Position, args: ProblemArgs['import-field-filled'], file = this.file): void {
    this.counts.fieldsFilled++;
    this.problems.push(problem('import-field-filled', file, at, args));
  }

  /** A link to a file of the source that is not an imported article stays as written. */
  linkKept(at: Position, args: ProblemArgs['import-link-kept'], file = this.file): void {
    this.counts.linksKept++;
    this.problems.push(problem('import-link-kept', file, at, args));
  }
}

/** A file name safe beside an article: the last part of a path, anything but letters, digits, `.`, `-` and `_` made `-`. */
export function safeFileName(name: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1);
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // Not percent-encoded after all: keep it as it is.
  }
  const safe = decoded.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return safe || 'file';
}

/**
 * Names with each one kept once, first spelling first, compared without case ("GitHub" and
 * "github" are one tag): what a source's categories, tags and authors become.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

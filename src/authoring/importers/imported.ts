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
  /** Markdown. */
  body: string;
  assets?: ImportedAsset[];
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
}

/** Warnings of an import as it reads its source, counted for the summary. */
export class ImportReport {
  readonly problems: Problem[] = [];
  readonly counts: ImportCounts = { leftOut: new Map(), markupKept: 0, imagesMissing: 0, fieldsFilled: 0 };

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

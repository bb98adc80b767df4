// `broadsheet import SOURCE`: what the source is (or what --from says), read by the importer of
// that format, written by the one shared writer (write-import.ts). The seed's plain-text dump keeps
// its own importer (dump.ts). Offline: a source is a file or folder on this machine, nothing is
// fetched. A source that cannot be read is one error with its place; nothing is written then.

import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { normaliseText } from '../../load/frontmatter.js';
import { BuildFailure, problem, type Problem } from '../../problems/index.js';
import { IMPORT_FORMATS as FORMATS } from '../../problems/imports.js';
import { importDumpFile } from './dump.js';
import { isAtom, readAtom } from './feeds/atom.js';
import { isJsonFeed, readJson, readJsonFeed } from './feeds/json-feed.js';
import { isRss, readRss } from './feeds/rss.js';
import { detectGenerator, readFolder, type Generator } from './folders/folder.js';
import type { ImportCounts, ImportedSource, ImportFormat } from './imported.js';
import { writeImport } from './write-import.js';
import { isWxr, readWxr } from './wordpress/wxr.js';
import { sourceText } from './source-text.js';
import { readXml } from './xml.js';

/** Options of an import; all default to off, the current folder, and detection. */
export interface ImportOptions {
  root?: string;
  /** The source's format, instead of detecting it. */
  from?: string;
  /** A copy of WordPress's wp-content/uploads, where its posts' images are looked for. */
  uploads?: string;
  force?: boolean;
  dryRun?: boolean;
}

/** What an import did (or, with dryRun, would do). Paths relative to the site root. */
export interface ImportOutcome {
  format: ImportFormat;
  /** Articles read from the source. */
  read: number;
  written: string[];
  assets: string[];
  /** Articles already in content/ from an earlier import of this source (or, for a dump, files that exist): left alone. */
  alreadyImported: string[];
  drafts: number;
  authorsAdded: string[];
  /** Warnings: what was left out, kept as text, not found, filled in; and the build's own about the new files. */
  problems: Problem[];
  counts: ImportCounts;
}

/** The names --from takes, and the spellings it also accepts. */
export const IMPORT_FORMATS: readonly string[] = [...FORMATS, 'wordpress', 'json-feed', 'jsonfeed'];

/** What each format is called in messages and the summary. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  dump: 'plain-text dump', rss: 'RSS feed', atom: 'Atom feed', jsonfeed: 'JSON Feed', wxr: 'WordPress export',
  jekyll: 'Jekyll folder', hugo: 'Hugo folder', zola: 'Zola folder', eleventy: 'Eleventy folder',
};

/** Import `input` into the site at `options.root` (see the top of this file). */
export async function importSource(input: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const root = options.root ?? '.';
  const from = options.from === undefined ? undefined : options.from.toLowerCase().replace(/^json-?feed$/, 'jsonfeed').replace(/^wordpress$/, 'wxr');
  if (from !== undefined && !(FORMATS as readonly string[]).includes(from)) {
    throw new BuildFailure([problem('import-source', input, { line: 1, column: 1 }, { kind: 'unknown-format', given: options.from! })]);
  }
  const info = statSync(input, { throwIfNoEntry: false });
  if (!info) throw new BuildFailure([problem('import-source', input, { line: 1, column: 1 }, { kind: 'unreadable', cause: 'ENOENT' })]);
  if (from === 'dump' || (from === undefined && info.isFile() && !looksStructured(input))) return importDump(input, root, options);
  const config = await loadConfig(root);
  const source = info.isDirectory() ? readFolderSource(input, from, config.timeZone) : readFileSource(input, from as ImportFormat | undefined, options);
  const written = await writeImport(source, config, options);
  return {
    format: source.format,
    read: source.articles.length,
    written: written.written,
    assets: written.assets,
    alreadyImported: written.alreadyImported,
    drafts: written.drafts,
    authorsAdded: written.authorsAdded,
    problems: [...source.report.problems, ...written.problems],
    counts: source.report.counts,
  };
}

/**
 * A file that starts like XML or JSON (the dump is plain text), told from its first bytes: the
 * file is read and decoded once, by the importer it goes to. A UTF-16 mark is XML's (a dump is UTF-8).
 */
function looksStructured(input: string): boolean {
  const head = Buffer.alloc(1024);
  let length: number;
  try {
    const fd = openSync(input, 'r');
    try {
      length = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unreadable(input, error);
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  const start = head.subarray(0, length).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  return start.startsWith('<') || start.startsWith('{');
}

function readFolderSource(input: string, from: string | undefined, timeZone: string): ImportedSource {
  const found = detectGenerator(input);
  if (from !== undefined && !['jekyll', 'hugo', 'zola', 'eleventy'].includes(from)) {
    throw new BuildFailure([problem('import-source', input, { line: 1, column: 1 }, { kind: 'not-this-format', format: from, found: 'a folder' })]);
  }
  return readFolder(input, (from as Generator | undefined) ?? found, timeZone);
}

function readFileSource(input: string, from: ImportFormat | undefined, options: ImportOptions): ImportedSource {
  const text = normaliseText(readText(input));
  const start = text.trimStart();
  const fail = (found: string): never => {
    throw new BuildFailure([problem('import-source', input, { line: 1, column: 1 }, from ? { kind: 'not-this-format', format: from, found } : { kind: 'unrecognised', found })]);
  };
  if (start.startsWith('{')) {
    const data = readJson(text, input);
    if (!isJsonFeed(data)) return fail('JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
    if (from && from !== 'jsonfeed') return fail('a JSON Feed');
    return readJsonFeed(data as Record<string, unknown>, text, input);
  }
  if (!start.startsWith('<')) return fail('a folder of files or a text file');
  if (/^<(!doctype\s+html|html[\s>])/i.test(start)) return fail('an HTML page, not a feed or an export');
  const root = readXml(text, input);
  const uploads = options.uploads === undefined ? undefined : path.resolve(options.uploads);
  if (isWxr(root)) {
    // A WordPress export is also an RSS feed; --from rss reads it as one.
    if (from === 'rss') return readRss(root, text, input);
    if (from && from !== 'wxr') return fail('a WordPress export');
    return readWxr(root, text, input, { uploads });
  }
  if (isRss(root)) return from && from !== 'rss' ? fail('an RSS feed') : readRss(root, text, input);
  if (isAtom(root)) return from && from !== 'atom' ? fail('an Atom feed') : readAtom(root, text, input);
  return fail(`XML whose root element is <${root.name}>, not an RSS, Atom or WordPress export`);
}

function readText(input: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input);
  } catch (error) {
    throw unreadable(input, error);
  }
  return sourceText(bytes, input);
}

function unreadable(input: string, error: unknown): BuildFailure {
  return new BuildFailure([problem('import-source', input, { line: 1, column: 1 }, { kind: 'unreadable', cause: (error as NodeJS.ErrnoException).code ?? String(error) })]);
}

async function importDump(input: string, root: string, options: ImportOptions): Promise<ImportOutcome> {
  const result = await importDumpFile(input, { root, force: options.force, dryRun: options.dryRun });
  return {
    format: 'dump',
    read: result.articles,
    written: result.written,
    assets: [],
    alreadyImported: result.skipped,
    drafts: 0,
    authorsAdded: [],
    problems: result.problems,
    counts: { leftOut: new Map(), markupKept: 0, imagesMissing: 0, fieldsFilled: 0, linksKept: 0 },
  };
}

/** The closing line of an import: what was read, written, left alone and reported. */
export function importSummary(outcome: ImportOutcome, input: string, dryRun: boolean): string {
  if (outcome.format === 'dump') {
    const present = outcome.alreadyImported.length > 0 ? `, ${outcome.alreadyImported.length} already present` : '';
    return `Imported ${outcome.written.length} of ${outcome.read} articles from ${input}${present}`;
  }
  const parts = [`${dryRun ? 'Would import' : 'Imported'} ${outcome.written.length} of ${outcome.read} articles from ${input} (${FORMAT_NAMES[outcome.format]})`];
  const details: string[] = [];
  if (outcome.drafts > 0) details.push(`${outcome.drafts} draft${outcome.drafts === 1 ? '' : 's'}`);
  if (outcome.alreadyImported.length > 0) details.push(`${outcome.alreadyImported.length} already imported`);
  if (outcome.assets.length > 0) details.push(`${outcome.assets.length} image${outcome.assets.length === 1 ? '' : 's'} copied`);
  const leftOut = [...outcome.counts.leftOut.values()].reduce((sum, count) => sum + count, 0);
  if (leftOut > 0) details.push(`left out: ${[...outcome.counts.leftOut].map(([what, count]) => (count === 1 ? what : `${count} × ${what}`)).join(', ')}`);
  if (outcome.counts.markupKept > 0) details.push(`${outcome.counts.markupKept} shortcode${outcome.counts.markupKept === 1 ? '' : 's'} or tag${outcome.counts.markupKept === 1 ? '' : 's'} kept as text`);
  if (outcome.counts.imagesMissing > 0) details.push(`${outcome.counts.imagesMissing} image${outcome.counts.imagesMissing === 1 ? '' : 's'} not found`);
  if (outcome.counts.linksKept > 0) details.push(`${outcome.counts.linksKept} link${outcome.counts.linksKept === 1 ? '' : 's'} to files not imported`);
  if (outcome.authorsAdded.length > 0) details.push(`${outcome.authorsAdded.length} author${outcome.authorsAdded.length === 1 ? '' : 's'} added to authors.yaml`);
  return details.length > 0 ? `${parts[0]}: ${details.join('; ')}` : parts[0]!;
}

// `broadsheet import FILE`: a plain-text feed dump -> content/YYYY/MM/<slug>.md, one file per
// article. This module is the importer's disk edge: it reads the dump and the site config, plans
// every file (path, text), checks each with the build's own article validation, and only then
// writes. Reading the format is dump-format.ts; inferring fields is article-file.ts and friends.
//
// All or nothing: if the dump has any error, or any planned file would not build, nothing is
// written and every problem is thrown at once (BuildFailure; the CLI prints them and exits 1). A
// newsroom re-runs the import after fixing the dump; a partial import would leave it to work out
// which articles made it. Files that already exist are skipped, not overwritten, unless `force`,
// so re-running an import is safe.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle } from '../../render/article.js';
import { articleSettings } from '../../render/setup.js';
import { loadConfig, type SiteConfig } from '../../config.js';
import { BuildFailure, isError, problem, type Problem } from '../../problems/index.js';
import { displayPath } from '../../load/discover.js';
import { slugOrFallback } from '../../slugs.js';
import { articleFileText, importedFields, type ImportedFields } from './article-file.js';
import { parseDump, type DumpArticle } from './dump-format.js';

/** Options for importDumpFile; all default to off / the current directory. */
export interface ImportOptions {
  /** Site root (default "."). */
  root?: string;
  /** Overwrite existing files instead of skipping them. */
  force?: boolean;
  /** Plan and check everything, write nothing; `written` lists what would be written. */
  dryRun?: boolean;
}

/** What an import did (or, with dryRun, would do); paths are in dump order. */
export interface ImportResult {
  /** Articles read from the dump. */
  articles: number;
  /** Files written (or, with dryRun, that would be), relative to the site root. */
  written: string[];
  /** Files that already existed and were left alone. */
  skipped: string[];
  /** Warnings (errors are thrown). */
  problems: Problem[];
}

/** One article file an import would write, already checked by the build's validation. */
export interface PlannedFile {
  article: DumpArticle;
  fields: ImportedFields;
  /** Absolute path. */
  absolute: string;
  /** Path relative to the site root, as shown to the user. */
  file: string;
  text: string;
}

/**
 * Import a dump file into the site at `options.root`: all or nothing. Throws BuildFailure with every
 * problem if the dump or any planned file has an error, before writing anything; existing files are
 * skipped unless `force`, and nothing is written with `dryRun`.
 */
export async function importDumpFile(input: string, options: ImportOptions = {}): Promise<ImportResult> {
  const config = await loadConfig(options.root ?? '.');
  const text = await readDump(input);
  const parsed = parseDump(text, input);
  const plan = planFiles(parsed.articles, config, input);
  const problems = [...parsed.problems, ...plan.problems];
  if (problems.some(isError)) throw new BuildFailure(problems);

  const result: ImportResult = { articles: parsed.articles.length, written: [], skipped: [], problems };
  for (const planned of plan.files) {
    if (!options.force && existsSync(planned.absolute)) {
      result.skipped.push(planned.file);
      continue;
    }
    if (!options.dryRun) {
      await mkdir(path.dirname(planned.absolute), { recursive: true });
      try {
        await writeFile(planned.absolute, planned.text, { flag: options.force ? 'w' : 'wx' });
      } catch (error) {
        // Created by someone else since the check above: leave theirs alone.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        result.skipped.push(planned.file);
        continue;
      }
    }
    result.written.push(planned.file);
  }
  return result;
}

async function readDump(input: string): Promise<string> {
  try {
    return await readFile(input, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BuildFailure([
      problem('import-format', input, { line: 1, column: 1 }, { kind: 'unreadable', cause: code ?? String(error) }),
    ]);
  }
}

/**
 * Every article's file: content/YYYY/MM/<slug>.md, with -2, -3, ... when two articles of the dump
 * would share a file, and each text checked by the build's validation. No disk access.
 */
export function planFiles(
  articles: readonly DumpArticle[],
  config: SiteConfig,
  dumpFile: string,
): { files: PlannedFile[]; problems: Problem[] } {
  const settings = articleSettings(config);
  const used = new Set<string>();
  const files: PlannedFile[] = [];
  const problems: Problem[] = [];

  for (const article of articles) {
    const year = article.date.slice(0, 4);
    const month = article.date.slice(5, 7);
    const base = slugOrFallback(article.title, 'article');
    let slug = base;
    for (let n = 2; used.has(`${year}/${month}/${slug}`); n++) slug = `${base}-${n}`;
    used.add(`${year}/${month}/${slug}`);

    // A de-duplicated file name is also written as `slug:`, or the URL (made from the title) of
    // two same-titled articles of one day would still collide.
    const fields: ImportedFields = { ...importedFields(article), ...(slug !== base ? { slug } : {}) };
    const text = articleFileText(fields, article.paragraphs);
    const absolute = path.join(config.contentPath, year, month, `${slug}.md`);
    const file = displayPath(config, absolute);

    const check = renderArticle({ file, contentPath: path.relative(config.contentPath, absolute), text }, settings);
    problems.push(...check.problems.map((p) => atDumpArticle(p, article, dumpFile, file)));
    if (check.ok) files.push({ article, fields, absolute, file, text });
  }
  return { files, problems };
}

/** A problem found in a planned file, placed at the dump lines the article came from. */
function atDumpArticle(p: Problem, article: DumpArticle, dumpFile: string, target: string): Problem {
  return {
    ...p,
    file: dumpFile,
    line: p.field === 'title' ? article.titleLine : article.line,
    column: 1,
    hint: [p.hint, `in the article that would be written to ${target}`].filter(Boolean).join('; '),
  };
}

// JSON Feed (1.0 and 1.1) as imported articles. Fields: id; url (external_url when none); title;
// content_html, else content_text; summary; date_published, else date_modified; authors (1.1)
// or author (1.0) names, else the feed's; tags (the first as the topic); image, else banner_image.
// A text that is not JSON is one error at its line and column. Pure.

import { BuildFailure, positionAt, problem } from '../../../problems/index.js';
import { ImportReport, type ImportedSource } from '../imported.js';
import { entryArticle, type FeedEntry } from './entry.js';

/** Whether parsed JSON is a JSON Feed (its `version` names jsonfeed.org). */
export function isJsonFeed(data: unknown): boolean {
  return typeof data === 'object' && data !== null && typeof (data as { version?: unknown }).version === 'string' && (data as { version: string }).version.includes('jsonfeed.org');
}

/** Parse JSON text; a syntax error throws a BuildFailure at its line and column. */
export function readJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 names the offset ("at position 120") or the line and column ("(line 3 column 5)").
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const offset = /position (\d+)/.exec(message);
    const at = lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : offset ? positionAt(text, Number(offset[1])) : positionAt(text, text.length);
    throw new BuildFailure([problem('import-source', file, at, { kind: 'syntax', language: 'JSON', message: message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '') })]);
  }
}

type Json = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Read the items of a JSON Feed. */
export function readJsonFeed(data: Json, source: string, file: string): ImportedSource {
  const report = new ImportReport(file);
  const items = Array.isArray(data.items) ? (data.items as unknown[]) : [];
  const feedAuthors = namesOf(data);
  const lines = itemLines(source, items.length);
  const articles = items.flatMap((raw, index) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const item = raw as Json;
    const authors = namesOf(item);
    const entry: FeedEntry = {
      id: text(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined),
      url: text(item.url) ?? text(item.external_url),
      title: text(item.title),
      published: text(item.date_published) ?? text(item.date_modified),
      updated: text(item.date_modified),
      html: text(item.content_html),
      text: text(item.content_html) ? undefined : text(item.content_text),
      summaryHtml: text(item.summary),
      authors: authors.length > 0 ? authors : feedAuthors,
      categories: Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string') : [],
      image: text(item.image) ?? text(item.banner_image),
      at: { line: lines[index] ?? 1, column: 1 },
    };
    return entryArticle(entry, { file, siteUrl: text(data.home_page_url), report }) ?? [];
  });
  return { format: 'jsonfeed', articles, authors: [], report };
}

function namesOf(object: Json): string[] {
  const list = Array.isArray(object.authors) ? object.authors : object.author ? [object.author] : [];
  return list.map((author) => (typeof author === 'object' && author !== null ? text((author as Json).name) : undefined)).filter((name): name is string => name !== undefined);
}

/** The line each item starts on, approximately: the lines of the `"id"` keys, in order (JSON.parse keeps no positions). */
function itemLines(source: string, count: number): number[] {
  const start = source.indexOf('"items"');
  if (start === -1) return [];
  const lines: number[] = [];
  let depth = 0;
  let inString = false;
  let line = positionAt(source, start).line;
  for (let i = start; i < source.length && lines.length < count; i++) {
    const char = source[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (char === '{' && depth === 2) lines.push(line);
    } else if (char === ']' || char === '}') depth--;
  }
  return lines;
}

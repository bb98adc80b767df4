// The plain-text feed dump (the format of shared/seeds/*.txt) read into articles. Pure: text in,
// articles and problems out; no disk, no config, no clock.
//
// The format, line by line:
//   " date 2025-12-19 18.12.2025, 19:20 28841"   a crawler header: crawl date, the article's date
//                                                 and time, an id. Starts an article.
//   "17.12.2025" (or "17.12.2025, 09:30")         a date line. Starts an article.
//   the first non-empty line after either          the title
//   every following non-empty line                 one body paragraph, up to the next date line
// Dates are wall-clock times of the newsroom; they are returned as front-matter date text
// ("2025-12-18 19:20", "2025-12-17") that the build reads in the site's time zone.

import { isCalendarDate } from '../../dates.js';
import { normaliseText } from '../../load/frontmatter.js';
import { problem, type Position, type Problem } from '../../problems/index.js';

/** One article read from a dump, with the dump lines it came from for problem positions. */
export interface DumpArticle {
  title: string;
  /** Front-matter date: "YYYY-MM-DD HH:MM" when the dump gives a time, else "YYYY-MM-DD". */
  date: string;
  /** Body paragraphs as written (surrounding whitespace trimmed). */
  paragraphs: string[];
  /** 1-based line of the date or header line that starts the article. */
  line: number;
  /** 1-based line of the title. */
  titleLine: number;
  /** The crawler's id, from a header line. */
  id?: string;
}

/**
 * What parseDump returns: the well-formed articles in dump order, and every problem found (errors
 * and warnings).
 */
export interface ParsedDump {
  articles: DumpArticle[];
  problems: Problem[];
}

const HEADER_START = /^(\s*)date\s+\d{4}-\d{2}-\d{2}\b/;
const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s*\d{1,2}:\d{2})?)(?:\s+(\d+))?\s*$/;
const DATE_LINE = /^\s*(\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s*\d{1,2}:\d{2})?)\s*$/;
const DATE_PARTS = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s*(\d{1,2}):(\d{2}))?$/;

type LineKind =
  | { kind: 'start'; dateText: string; column: number; id?: string }
  | { kind: 'bad-header'; column: number }
  | { kind: 'text' }
  | { kind: 'blank' };

function classify(line: string): LineKind {
  if (line.trim() === '') return { kind: 'blank' };
  const header = HEADER.exec(line);
  if (header) {
    const dateText = header[2]!;
    return { kind: 'start', dateText, column: line.indexOf(dateText, line.indexOf('date') + 4) + 1, id: header[3] };
  }
  const headerStart = HEADER_START.exec(line);
  if (headerStart) return { kind: 'bad-header', column: headerStart[1]!.length + 1 };
  const dateLine = DATE_LINE.exec(line);
  if (dateLine) return { kind: 'start', dateText: dateLine[1]!, column: line.indexOf(dateLine[1]!) + 1 };
  return { kind: 'text' };
}

/** "18.12.2025, 19:20" -> "2025-12-18 19:20"; undefined when no such day or time exists. */
export function dumpDate(text: string): string | undefined {
  const parts = DATE_PARTS.exec(text.trim());
  if (!parts) return undefined;
  const [, day = '', month = '', year = '', hour, minute] = parts;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const dateTime = hour === undefined ? date : `${date} ${hour.padStart(2, '0')}:${minute}`;
  return isCalendarDate(dateTime) ? dateTime : undefined;
}

/** Read a dump. Every problem is reported; articles with a problem are left out of `articles`. */
export function parseDump(text: string, file: string): ParsedDump {
  const lines = normaliseText(text).split('\n');
  const articles: DumpArticle[] = [];
  const problems: Problem[] = [];
  const at = (line: number, column: number): Position => ({ line, column });

  /** The article being read; `date` undefined when its date line was bad (its lines are skipped). */
  let current: { date?: string; line: number; column: number; id?: string; title?: string; titleLine: number; paragraphs: string[] } | undefined;
  let sawContent = false;

  const finish = () => {
    if (!current) return;
    if (current.title === undefined) {
      problems.push(problem('import-format', file, at(current.line, current.column), { kind: 'no-title' }));
    } else if (current.date !== undefined) {
      if (current.paragraphs.length === 0) {
        problems.push(problem('import-format', file, at(current.titleLine, 1), { kind: 'no-text', title: current.title }));
      }
      articles.push({
        title: current.title,
        date: current.date,
        paragraphs: current.paragraphs,
        line: current.line,
        titleLine: current.titleLine,
        ...(current.id !== undefined ? { id: current.id } : {}),
      });
    }
    current = undefined;
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const kind = classify(raw);
    if (kind.kind === 'blank') return;

    if (kind.kind === 'bad-header') {
      finish();
      problems.push(problem('import-format', file, at(lineNumber, kind.column), { kind: 'bad-header', line: raw.trim() }));
      sawContent = true;
      current = { line: lineNumber, column: kind.column, titleLine: 0, paragraphs: [] };
      return;
    }

    if (kind.kind === 'start') {
      finish();
      const date = dumpDate(kind.dateText);
      if (date === undefined) {
        problems.push(problem('import-format', file, at(lineNumber, kind.column), { kind: 'bad-date', date: kind.dateText }));
      }
      sawContent = true;
      current = { date, line: lineNumber, column: kind.column, id: kind.id, titleLine: 0, paragraphs: [] };
      return;
    }

    const content = raw.trim();
    if (!current) {
      if (!sawContent) {
        problems.push(problem('import-format', file, at(lineNumber, raw.length - raw.trimStart().length + 1), { kind: 'no-date-line', line: content }));
        sawContent = true;
      }
      return;
    }
    if (current.title === undefined) {
      current.title = content;
      current.titleLine = lineNumber;
    } else {
      current.paragraphs.push(content);
    }
  });
  finish();

  if (!sawContent) {
    problems.push(problem('import-format', file, at(1, 1), { kind: 'empty' }));
  }
  return { articles, problems };
}

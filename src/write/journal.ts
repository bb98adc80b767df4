// An index kept as a whole file and a log of the changes made since (.cache/NAME.json and
// NAME.log), so that a build which changed one article appends a line of a few kilobytes instead
// of writing the whole index again (128 MB at 100,000 articles, 1.4 s of a 11 s publish).
//
// Each line of the log is a JSON object: the change, and which whole file it follows (the file's
// size and mtime in nanoseconds; not its inode, so that a copy that keeps times, as a CI cache
// restored with tar, still reads as the same index). Reading applies the lines in order, and
// stops at a line that follows another file (the whole file was written again after it: the log
// is stale) or that does not parse (a line cut short by a crash or a full disk: it and any later
// line are left out, and the next save writes the whole file). Writing the whole file again
// empties the log; that happens when the log would grow past a quarter of the whole file, or past
// MAX_LINES lines, so reading costs at most a little more than reading the whole file did.
//
// Both are durable: the whole file is written aside, flushed and renamed (fs-helpers.ts); a line
// is appended and flushed, and on failure the log is cut back to what it was. A lost line only
// costs work: the caches built on this keep nothing a lost change could make wrong.
//
// Both are ASCII: every other character is written as a JSON escape (\u2026 for an ellipsis), so
// that a file is read as one-byte text, without decoding UTF-8 (0.18 s -> 0.1 s for a
// 100,000-article index), into half the memory of a two-byte string (nearly every summary ends in
// "…").

import { closeSync, constants, fstatSync, ftruncateSync, fsyncSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { failpoint, killPoint } from './failpoints.js';
import { fsyncFolder, isCode, writeFileAtomic } from './fs-helpers.js';

/** More lines than this in the log, and the next save writes the whole file. */
const MAX_LINES = 1000;
/** The log may grow to this share of the whole file before the whole file is written again. */
const MAX_SHARE = 0.25;

/** What was read: the whole file, the changes logged after it, and when each was written. */
export interface JournalContents {
  /** The whole file, as read's `parse` made it. */
  whole: unknown;
  /** The changes logged after it, oldest first. */
  changes: unknown[];
  /** The whole file's mtime (ns): what the cache's racy rule compares with. */
  wholeMtimeNs: bigint;
  /** The log's mtime (ns), when it has changes. */
  logMtimeNs: bigint | undefined;
}

interface LogLine {
  follows: string;
  change: unknown;
}

/** One index on disk as a whole file and a log (see the top of this file). */
export class Journal {
  /** The whole file the log follows, as `size:mtimeNs`; undefined before it was read or written. */
  private follows: string | undefined;
  private wholeBytes = 0;
  private logBytes = 0;
  private lines = 0;
  /** A line was cut short (read, or an append failed): the next save writes the whole file. */
  private damaged = false;

  /** `file`: the whole file's path, ending in .json; the log is beside it, ending in .log. */
  constructor(readonly file: string) {}

  /** The log's path. */
  get log(): string {
    return this.file.replace(/\.json$/, '') + '.log';
  }

  /**
   * The whole file and its changes; undefined when there is no whole file. `parse` reads the whole
   * file's text (JSON.parse unless the index has a format of its own); it throws SyntaxError, and
   * so does read, when the file does not parse. `encoding`: 'utf8' only for a file an older
   * Broadsheet wrote, before they were ASCII. Synchronous: a build has nothing else to do while
   * it reads.
   */
  read(parse: (text: string) => unknown = JSON.parse, encoding: 'latin1' | 'utf8' = 'latin1'): JournalContents | undefined {
    let info;
    let text: string;
    try {
      // The mtime first: what the racy rule compares with must not be newer than what was read.
      info = statSync(this.file, { bigint: true });
      text = readFileSync(this.file, encoding);
    } catch {
      return undefined;
    }
    const whole = parse(text);
    let log: string | undefined;
    let logMtimeNs: bigint | undefined;
    try {
      logMtimeNs = statSync(this.log, { bigint: true }).mtimeNs;
      log = readFileSync(this.log, encoding);
    } catch {
      log = undefined;
    }
    return this.take(whole, info, log, logMtimeNs);
  }

  private take(whole: unknown, info: { size: bigint; mtimeNs: bigint }, log: string | undefined, logMtimeNs: bigint | undefined): JournalContents {
    this.follows = followsOf(info);
    this.wholeBytes = Number(info.size);
    this.lines = 0;
    this.damaged = false;
    const changes: unknown[] = [];
    let at = 0;
    while (log !== undefined && at < log.length) {
      const end = log.indexOf('\n', at);
      let line: LogLine | undefined;
      try {
        line = end < 0 ? undefined : (JSON.parse(log.slice(at, end)) as LogLine);
      } catch {
        line = undefined;
      }
      if (!line || typeof line !== 'object') {
        this.damaged = true;
        break;
      }
      // Written before the whole file was written again: the whole file already holds it.
      if (line.follows !== this.follows) break;
      changes.push(line.change);
      this.lines++;
      at = end + 1;
    }
    // In bytes, as the whole file's size is (one a character, read as one-byte text).
    this.logBytes = at;
    // A stale log: the next save writes the whole file (and so empties the log).
    if (log !== undefined && at < log.length) this.damaged = true;
    return { whole, changes, wholeMtimeNs: info.mtimeNs, logMtimeNs: changes.length > 0 ? logMtimeNs : undefined };
  }

  /**
   * Save: append the change (its JSON, made by `change` only when a line could be appended) to
   * the log when the log stays small beside the whole file, else write the whole file with
   * `writeWhole` and empty the log. `change` returns undefined when only the whole file will do.
   */
  save(change: () => string | undefined, writeWhole: (write: (chunk: string) => void) => void): void {
    const text = this.follows !== undefined && !this.damaged && this.lines < MAX_LINES ? change() : undefined;
    if (text !== undefined) {
      const line = asciiJson(`{"follows":${JSON.stringify(this.follows)},"change":${text}}\n`);
      const bytes = Buffer.byteLength(line);
      if (this.logBytes + bytes <= this.wholeBytes * MAX_SHARE) {
        let appended = true;
        try {
          appendDurably(this.log, line);
        } catch (error) {
          this.damaged = true;
          // The log is a link (someone else's file, perhaps): the whole file is written, and the link removed.
          if (!isCode(error, 'ELOOP')) throw error;
          appended = false;
        }
        if (appended) {
          this.logBytes += bytes;
          this.lines++;
          return;
        }
      }
    }
    writeFileAtomic(this.file, (write) => gathered(write, writeWhole), { durable: true });
    const info = statSync(this.file, { bigint: true });
    this.follows = followsOf(info);
    this.wholeBytes = Number(info.size);
    // Stale now whatever happens (it follows another file); removed so that it takes no room.
    rmSync(this.log, { force: true });
    this.logBytes = 0;
    this.lines = 0;
    this.damaged = false;
  }

  /** Remove both files. */
  remove(): void {
    rmSync(this.file, { force: true });
    rmSync(this.log, { force: true });
    this.follows = undefined;
  }
}

/**
 * What a log line says of the whole file it follows: its size and mtime (ns). A whole file written
 * again has another mtime (and the log is removed right after); a copy that keeps times has the same.
 */
function followsOf(info: { size: bigint; mtimeNs: bigint }): string {
  return `${info.size}:${info.mtimeNs}`;
}

/** Characters of small chunks gathered before a write: a whole file written a line at a time is 100,000s of lines. */
const GATHER = 1 << 20;

/** Give what `content` writes to `write` in chunks of about GATHER characters, made ASCII. */
function gathered(write: (chunk: string) => void, content: (write: (chunk: string) => void) => void): void {
  let chunks: string[] = [];
  let length = 0;
  const flush = () => {
    if (chunks.length > 0) write(asciiJson(chunks.join('')));
    chunks = [];
    length = 0;
  };
  content((chunk) => {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= GATHER) flush();
  });
  flush();
}

/**
 * Append `text` to `file` and flush it (and the folder's entry, when this made the file). On
 * failure the file is as it was: cut back to its old length, or removed if this made it.
 */
function appendDurably(file: string, text: string): void {
  let fd: number | undefined;
  let made = false;
  let before = 0;
  try {
    // Not through a link: the log is a file of the cache folder, never somewhere a link points.
    fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
    before = fstatSync(fd).size;
    made = before === 0;
    failpoint('write', file);
    killPoint('index-write');
    const bytes = Buffer.from(text);
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) {
      try {
        if (made) unlinkSync(file);
        else ftruncateSync(fd, before);
      } catch {
        // Left as it is: a line cut short is left out when read.
      }
      closeSync(fd);
    }
    if (typeof error === 'object' && error !== null && !('path' in error)) Object.assign(error, { path: file });
    throw error;
  }
  if (made) fsyncFolder(path.dirname(file));
}

/**
 * The fields of an object JSON.parse made, as a Map in the object's order. for...in, not
 * new Map(Object.entries()): no array per field, less than half the time for the 264,000 files of
 * a 100,000-article site's output manifest.
 */
export function mapOfRecord<T>(record: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const key in record) map.set(key, record[key]!);
  return map;
}

/** A whole file of JSON lines (see jsonLines): its first line, parsed, and the lines after it. */
export interface JsonLines {
  header: unknown;
  /** The next line, parsed; throws SyntaxError when there is none (the file was cut short) or it does not parse. */
  next(): unknown;
  /** Where the next line begins in the text (after the header, before any next()). */
  position(): number;
  /**
   * Give each of the `count` lines left, parsed, to `take`: the records the header counted.
   * Throws SyntaxError when there are fewer (the file was cut short) or more.
   */
  rest(count: number, take: (line: unknown) => void): void;
}

/**
 * Read a whole file written as lines of JSON: a header, then a record a line. Each line is parsed
 * when asked for and can be made into its objects at once, so that what the parse made is garbage
 * before the next collection, not a 100 MB value kept whole until the last line (copied by each
 * collection meanwhile). Undefined when the first line is longer than `headerLimit`: an older
 * format's one JSON value. Throws SyntaxError when the header does not parse.
 */
export function jsonLines(text: string, headerLimit = 4096): JsonLines | undefined {
  const headerEnd = text.indexOf('\n');
  const headerText = headerEnd < 0 ? text : text.slice(0, headerEnd);
  if (headerText.length > headerLimit) return undefined;
  const header: unknown = JSON.parse(headerText);
  let at = headerEnd < 0 ? text.length : headerEnd + 1;
  const next = () => {
    const end = text.indexOf('\n', at);
    if (end < 0) throw new SyntaxError('the file is cut short');
    const line: unknown = JSON.parse(text.slice(at, end));
    at = end + 1;
    return line;
  };
  return {
    header,
    next,
    position: () => at,
    rest(count, take) {
      for (let taken = 0; taken < count; taken++) take(next());
      if (at < text.length) throw new SyntaxError('the file has more lines than its header says');
    },
  };
}

/** JSON text with every non-ASCII character escaped (\u2026 for an ellipsis): what the journal's files hold. */
function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

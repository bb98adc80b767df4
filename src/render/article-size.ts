// The largest article file Broadsheet reads. Rendering time and memory grow in step with a body's
// length (parse-in-parts.ts, inline-limits.ts), so a bound on the length bounds both: a body of
// real shapes (headings, linked paragraphs, lists, tables) takes about 2.5 s of CPU time and
// 500 MB per 5 MB here. 8 MiB is half again the longest article we were asked to build (5 MB,
// 5,000 sections) and keeps one render well under a worker's heap limit (workers/pool.ts).
// Checked from the file's size before it is read, so no file can fill memory by being read.

import { problem, type Problem } from '../problems/index.js';

/** Largest article file, in bytes (8 MiB). */
export const ARTICLE_SIZE_LIMIT = 8 * 1024 * 1024;

/**
 * The article-too-large problem of a file of `bytes` bytes; undefined when it is within the limit.
 * `file` is its display path, or a function that makes it (only for a file too large).
 */
export function articleSizeProblem(file: string | (() => string), bytes: number): Problem | undefined {
  if (bytes <= ARTICLE_SIZE_LIMIT) return undefined;
  return problem('article-too-large', typeof file === 'string' ? file : file(), { line: 1, column: 1 }, { size: bytes, limit: ARTICLE_SIZE_LIMIT });
}

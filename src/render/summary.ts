// The summary made from an article's first paragraph when its front-matter gives none: the
// paragraph's text as a reader sees it (visible-text.ts: no characters that draw nothing), cut at
// a word near the site's summaryLength and only ever between two graphemes, so a summary never
// ends in half an emoji: a lone surrogate that strict JSON parsers reject in feed.json and that
// every page would show as U+FFFD.

import { cutAtGrapheme, visibleText } from '../visible-text.js';

/**
 * `text` with its white space collapsed, cut at the last space before `length` (UTF-16 code
 * units) when one falls in its last 40 %, else at the last grapheme boundary before it; an
 * ellipsis added when cut.
 */
export function summarise(text: string, length: number): string {
  const clean = visibleText(text).replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  // Text before a space ends between graphemes (a space joins nothing before it), so only text
  // without a space near the cut (Chinese, Thai, one long word) is segmented, which costs more.
  const lastSpace = clean.lastIndexOf(' ', length - 1);
  const atWord = lastSpace > length * 0.6 ? clean.slice(0, lastSpace) : cutAtGrapheme(clean, length);
  return `${atWord.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

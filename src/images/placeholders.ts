// Body images, resolved at page time. An image's variants (and so its markup) are known only once
// its file is read and processed, but an article's body is rendered (and cached) from its text
// alone, so render/markdown.ts writes each local body image as a placeholder <img> and
// resolveBodyImages puts the image's markup in its place when the page is rendered. The cached
// body HTML then never depends on image bytes. Both halves of the protocol live here.

import { escapeMarkup } from '../escape.js';

/** Marks a placeholder src: `broadsheet-image:<index>:<src as written, URI-encoded>`. */
const PREFIX = 'broadsheet-image:';

/** The placeholder src for the body's image number `index` (0-based, in ArticleMeta.images order), written as `src`. */
export function bodyImagePlaceholder(index: number, src: string): string {
  return `${PREFIX}${index}:${encodeURIComponent(src)}`;
}

// rehype-stringify writes the placeholder's properties in the order markdown.ts sets them: src, then alt.
const PLACEHOLDER = new RegExp(`<img src="${PREFIX}(\\d+):([^"]*)"(?: alt="([^"]*)")?>`, 'g');

/**
 * Replace every placeholder in body HTML by `markup[index]`; where that is missing (null, or no
 * markup at all), by a plain <img> of the src as written, so a body is never left with placeholders.
 */
export function resolveBodyImages(html: string, markup: ReadonlyArray<string | null> | undefined): string {
  if (!html.includes(PREFIX)) return html;
  return html.replace(PLACEHOLDER, (_, index: string, src: string, alt: string | undefined) => {
    const made = markup?.[Number(index)];
    if (made) return made;
    return `<img src="${escapeMarkup(decodeURIComponent(src))}" alt="${alt ?? ''}">`;
  });
}

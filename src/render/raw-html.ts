// Raw HTML in an article body: what of it reaches the page. Three steps of the Markdown pipeline
// (markdown.ts) live here, in the order they run:
//
// 1. rehypeTagFilter, on the raw HTML before rehype-raw parses it: GFM's tag filter (GFM spec,
//    "Disallowed Raw HTML"). `<title>`, `<textarea>`, `<style>`, `<xmp>`, `<iframe>`, `<noembed>`,
//    `<noframes>`, `<script>` and `<plaintext>` change how everything after them is read (a
//    `<textarea>` would swallow the rest of the article as its text), so their `<` becomes `&lt;`
//    and the reader sees the tag as text: "Use the <textarea> element" reads as written. The spec
//    defines the filter on the characters of raw HTML, as micromark-extension-gfm-tagfilter (which
//    serves micromark's own HTML output, not this tree) applies it; the same rule is applied here.
//    One exception: a whole `<script>…</script>` or `<style>…</style>` element (found by parse5,
//    the HTML parser rehype-raw uses) is dropped with its contents. A pasted embed's script or a
//    CMS's style block is code, not text for readers, and must not show as text either.
// 2. rehypeRefusedImages, before sanitising: the sanitiser drops an image's src whose scheme is not
//    http(s) (file:, data:, ftp:, javascript:), which would leave an <img> with no source. The
//    src is kept aside (node.data) so that the image is reported as `image-outside-site`, as a
//    lead image with such a URL is, and taken out of the page.
// 3. sanitizeSchema: what rehype-sanitize keeps (GitHub's schema, plus figure elements).

import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { visit } from 'unist-util-visit';

/** An image's src the sanitiser drops (its scheme is not http or https), kept in the image's data. */
export interface RefusedSource {
  refusedSrc?: string;
}

// GitHub's schema, plus the elements newsrooms use for captioned photos and inline semantics
// (<u>: underlined words, which WordPress's editors and imports from them write),
// and without prefixing ids: footnote ids and their links already carry remark-rehype's
// `user-content-` prefix, and prefixing ids again would break them. Scripts and styles that reach
// it anyway (none should, after the tag filter) go with their contents.
/** What rehype-sanitize keeps of a body. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  strip: ['script', 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'caption', 'abbr', 'mark', 'small', 'cite', 'time', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height', 'loading'],
    abbr: ['title'],
    time: ['dateTime'],
  },
};

/** The nine tags GFM filters, found as micromark-extension-gfm-tagfilter finds them: "<" or "</", the name, then white space, "/" or ">". */
const FILTERED_TAGS = /<(\/?)(iframe|noembed|noframes|plaintext|script|style|textarea|title|xmp)(?=[\t\n\f\r />])/gi;
/** The seven of them that are filtered always; script and style are dropped instead when whole. */
const ALWAYS_FILTERED = /<(\/?)(iframe|noembed|noframes|plaintext|textarea|title|xmp)(?=[\t\n\f\r />])/gi;
/** A cheap first look: raw HTML without this holds no script or style element. */
const MAY_HOLD_CODE = /<(script|style)/i;

/** GFM's tag filter on the raw HTML of a body, with whole script and style elements dropped (see the top). */
export function rehypeTagFilter() {
  return (tree: HastRoot) => {
    filterChildren(tree);
    visit(tree, 'element', (node: Element) => filterChildren(node));
  };
}

function filterChildren(parent: { children: Array<RootContent | ElementContent> }): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'raw') continue;
    const { kept, opening } = withoutCode(node.value.replace(ALWAYS_FILTERED, '&lt;$1$2'));
    const closing = opening ? closingSibling(children, i, opening) : undefined;
    if (closing !== undefined) {
      // Inline HTML, one tag a node: the opening tag, everything up to its closing tag, and that.
      children.splice(i, closing - i + 1);
      i--;
      continue;
    }
    node.value = kept.replace(FILTERED_TAGS, '&lt;$1$2');
  }
}

/**
 * `html` without its whole script and style elements, as parse5 finds them; and, when `html` is
 * an opening script or style tag and nothing else (inline HTML, whose element closes in a later
 * node), that element's name.
 */
function withoutCode(html: string): { kept: string; opening?: string } {
  if (!MAY_HOLD_CODE.test(html)) return { kept: html };
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  const ranges: Array<[number, number]> = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode']) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const place = child.sourceCodeLocation;
      if ((child.tagName === 'script' || child.tagName === 'style') && place?.endTag) ranges.push([place.startOffset, place.endTag.endOffset]);
      else walk(child.tagName === 'template' ? (child as DefaultTreeAdapterMap['template']).content : child);
    }
  };
  walk(fragment);
  const only = fragment.childNodes.length === 1 ? fragment.childNodes[0] : undefined;
  if (only && 'tagName' in only && (only.tagName === 'script' || only.tagName === 'style')) {
    const place = only.sourceCodeLocation;
    if (place && !place.endTag && place.startTag?.startOffset === 0 && place.startTag.endOffset === html.length) return { kept: html, opening: only.tagName };
  }
  let kept = '';
  let from = 0;
  for (const [start, end] of ranges.sort(([a], [b]) => a - b)) {
    if (start < from) continue;
    kept += html.slice(from, start);
    from = end;
  }
  return { kept: kept + html.slice(from) };
}

/** The index of the first later sibling that is the closing tag of `name` alone (inline HTML); undefined when none is. */
function closingSibling(children: ReadonlyArray<RootContent | ElementContent>, index: number, name: string): number | undefined {
  for (let j = index + 1; j < children.length; j++) {
    const sibling = children[j]!;
    // A closing tag alone holds no element: parse5 reads it as nothing, so it is recognised by its
    // form, which the Markdown parser has already checked (inline HTML takes "</", a name, white
    // space and ">", nothing else).
    if (sibling.type === 'raw' && sibling.value.replace(/\s+/g, '').toLowerCase() === `</${name}>`) return j;
  }
  return undefined;
}

/** Keep aside each image src the sanitiser will drop, for rehypeArticleBody to report (see the top). */
export function rehypeRefusedImages() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const src = node.properties.src;
      if (typeof src === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(src.trim()) && !/^https?:/i.test(src.trim())) {
        node.data = { ...node.data, refusedSrc: src } as Element['data'];
      }
    });
  };
}

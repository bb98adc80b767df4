// Embeds of a WordPress post that are only an address in its HTML: WordPress puts the video, the
// post or the map in their place on its pages (oEmbed), and the export holds only the address.
// - An embed block: `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">URL</div>`.
// - A classic post's auto-embed: an address alone on a line of its text (WordPress's autoembed
//   embeds such a line; the [embed] shortcode is read by shortcodes.ts).
// Each becomes a link to the address, as an embedded frame and [embed]URL[/embed] do: text alone,
// it would be an address readers cannot follow (Markdown would not even make it a link).

import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { hasClass } from './html-class.js';

/** An address as WordPress's autoembed finds it on a line: http(s), no white space, quotes or angle brackets. */
const EMBED_URL = /^https?:\/\/[^\s<>"]+$/;

/** Whether `div` is an embed block's wrapper of an address. */
export function isEmbedWrapper(div: Element): boolean {
  return hasClass(div, 'wp-block-embed__wrapper') && EMBED_URL.test(hastToString(div).trim());
}

/** An embed block's wrapper (see isEmbedWrapper) as a paragraph of a link to its address, in place. */
export function embedAsLink(div: Element): void {
  Object.assign(div, { tagName: 'p', properties: {}, children: [link(hastToString(div).trim())] });
}

/** Each address alone on a line of a top-level paragraph of `tree` (a classic post's, after its paragraphs are made) as a link to it, in place. */
export function lineAddressesAsLinks(tree: HastRoot): void {
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'element' || paragraph.tagName !== 'p') continue;
    const children = paragraph.children;
    const isLineEdge = (node: ElementContent | undefined) => node === undefined || (node.type === 'element' && node.tagName === 'br');
    children.forEach((node, index) => {
      if (node.type === 'text' && EMBED_URL.test(node.value.trim()) && isLineEdge(children[index - 1]) && isLineEdge(children[index + 1])) children[index] = link(node.value.trim());
    });
  }
}

function link(url: string): Element {
  return { type: 'element', tagName: 'a', properties: { href: url }, children: [{ type: 'text', value: url }] };
}

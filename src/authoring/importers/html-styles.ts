// Inline styles of an HTML body that are markup: what WordPress's editors write for underline
// (both the classic editor's button and the block editor's format write
// `<span style="text-decoration: underline;">`, there is no <u>) and for strikethrough in older
// posts (`text-decoration: line-through`). Markdown keeps no style attribute, so such a span
// becomes the element that shows the same: <u> (kept as HTML, which Broadsheet's sanitiser
// keeps) and <del> (Markdown's ~~). Works on the tree in place, before the conversion.

import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';

/** Each underlined or struck-through span of `tree` (and the text of any other element so styled) as <u> or <del>. */
export function styleAsMarkup(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.style !== 'string') return;
    const style = declarations(node.properties.style);
    const lines = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`.toLowerCase().split(/\s+/);
    // A link is underlined anyway; <u> in it would say nothing more.
    const tags = [lines.includes('underline') && node.tagName !== 'a' && !node.children.every((child) => child.type === 'element' && child.tagName === 'a') ? 'u' : '', lines.includes('line-through') ? 'del' : ''].filter(Boolean);
    for (const tagName of tags.reverse()) node.children = [{ type: 'element', tagName, properties: {}, children: node.children }];
  });
}

/**
 * The declarations of a style attribute, property (lower case) -> value (without !important), as
 * CSS reads them: separated by ";" outside strings, parentheses and comments, a name before ":".
 */
export function declarations(style: string): Map<string, string> {
  const found = new Map<string, string>();
  let text = '';
  let quote = '';
  let depth = 0;
  const end = () => {
    const colon = text.indexOf(':');
    if (colon > 0) found.set(text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).replace(/!\s*important\s*$/i, '').trim());
    text = '';
  };
  for (let i = 0; i < style.length; i++) {
    const char = style[i]!;
    if (quote) {
      if (char === '\\') {
        text += char + (style[i + 1] ?? '');
        i++;
        continue;
      }
      if (char === quote) quote = '';
    } else if (char === '/' && style[i + 1] === '*') {
      const close = style.indexOf('*/', i + 2);
      i = close === -1 ? style.length : close + 1;
      continue;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) {
      end();
      continue;
    }
    text += char;
  }
  end();
  return found;
}

// Inline styles of an HTML body that are markup. Markdown keeps no style attribute, so each becomes
// the element that shows the same, or goes when it shows nothing:
// - underline, as both WordPress editors write it (the classic editor's button and the block
//   editor's format write `<span style="text-decoration: underline;">`, never <u>): <u>, kept as
//   HTML, which Broadsheet's sanitiser keeps; strikethrough written so (older posts): <del>, ~~;
// - text pasted from Google Docs into the classic editor: the whole paste is wrapped in
//   `<b style="font-weight:normal;" id="docs-internal-guid-…">`, which is not bold (it would make
//   every word of the post bold, its paragraphs one), and its bold and italic words are spans with
//   `font-weight:700` or `font-style:italic`: the wrapper goes, the spans become <strong> and <em>.
// Works on the tree in place, before paragraphs are made.

import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';

/** Elements bold or italic of their own, unless their style says otherwise. */
const BOLD = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);
const ITALIC = new Set(['i', 'em']);

/** The inline styles of `tree` as markup (see the top of this file). */
export function styleAsMarkup(tree: HastRoot): void {
  tree.children = styled(tree.children as ElementContent[], { bold: false, italic: false }) as HastRoot['children'];
}

function styled(nodes: readonly ElementContent[], outer: { bold: boolean; italic: boolean }): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    const style = typeof node.properties.style === 'string' ? declarations(node.properties.style) : new Map<string, string>();
    const weight = style.get('font-weight');
    const fontStyle = style.get('font-style');
    const bold = weight === undefined ? outer.bold || BOLD.has(node.tagName) : isBold(weight);
    const italic = fontStyle === undefined ? outer.italic || ITALIC.has(node.tagName) : /^(italic|oblique)\b/i.test(fontStyle);
    node.children = styled(node.children, { bold, italic });
    // A <b> or <i> whose style undoes it (Google Docs' wrapper): only its content.
    if ((BOLD.has(node.tagName) && !node.tagName.startsWith('h') && node.tagName !== 'th' && !bold) || (ITALIC.has(node.tagName) && !italic)) return node.children;
    const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`.toLowerCase().split(/\s+/);
    const wrappers = [
      bold && !outer.bold && !BOLD.has(node.tagName) ? 'strong' : '',
      italic && !outer.italic && !ITALIC.has(node.tagName) ? 'em' : '',
      // A link is underlined anyway; <u> in it would say nothing more.
      decoration.includes('underline') && node.tagName !== 'a' && !node.children.every((child) => child.type === 'element' && child.tagName === 'a') ? 'u' : '',
      decoration.includes('line-through') ? 'del' : '',
    ].filter(Boolean);
    // White space made bold would be Markdown's markers around nothing.
    if (hastToString(node).trim() === '') return [node];
    for (const tagName of wrappers.reverse()) node.children = [{ type: 'element', tagName, properties: {}, children: node.children }];
    return [node];
  });
}

/** Whether a font-weight is bold: bold, bolder, or a number from 600. */
function isBold(weight: string): boolean {
  const number = Number.parseFloat(weight);
  return /^bold(er)?$/i.test(weight) || (!Number.isNaN(number) && number >= 600);
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

// Elements of an HTML body that Markdown cannot write and that are kept as HTML in the Markdown
// (a figure whose caption holds a link, a heading with its own id): marked in the tree by
// `keepAsHtml`, written out as HTML by rehype-remark's handler here, after every other change to
// the tree (an image's new address) is made. A <details> (WordPress's details block: a question
// and its answer, shown when opened) keeps its tags and summary as HTML around its content, which
// stays Markdown: a blank line after the tags lets Markdown go on inside, as on GitHub. Broadsheet
// renders such HTML through its sanitiser, which keeps <details> and <summary>.

import type { Element } from 'hast';
import type { Handle, State } from 'hast-util-to-mdast';
import type { Html } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The tag name of an element whose one child is written to the Markdown as HTML. */
const RAW = 'broadsheet-raw-html';

/** Elements already kept as HTML, left as they are when a walk over the tree reaches them again. */
const kept = new WeakSet<Element>();

/**
 * `element`, to be written as HTML: on one line (a blank line would end HTML in Markdown), but for
 * a <pre>, whose HTML Markdown reads up to its end tag, blank lines and all. Use the returned
 * element in its place.
 */
export function keepAsHtml(element: Element): Element {
  // HTML's white space only: a no-break space is text.
  if (element.tagName !== 'pre') visit(element, 'text', (node: { value: string }) => void (node.value = node.value.replace(/[ \t\n\r\f]+/g, ' ')));
  kept.add(element);
  return { type: 'element', tagName: RAW, properties: {}, children: [element] };
}

/** Whether `element` is kept as HTML (see keepAsHtml). */
export function isKeptAsHtml(element: Element): boolean {
  return kept.has(element);
}

/** rehype-remark's handlers for what is kept as HTML, and for <details>. */
export const rawHtmlHandlers: Record<string, Handle> = {
  [RAW]: (_state: State, node: Element): Html => ({ type: 'html', value: html(node.children) }),
  details: (state: State, node: Element) => {
    const summary = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary');
    const content = { ...node, children: node.children.filter((child) => child !== summary) };
    const tags = `<details${node.properties.open ? ' open' : ''}>${summary ? `\n${html([keepAsHtml({ ...summary, properties: {} }).children[0]!])}` : ''}`;
    return [{ type: 'html', value: tags } satisfies Html, ...state.toFlow(state.all(content)), { type: 'html', value: '</details>' } satisfies Html];
  },
};

function html(children: Element['children']): string {
  return unified().use(rehypeStringify).stringify({ type: 'root', children });
}

// Links from one post of a generator's folder to another, made links to the other post's imported
// article (linkToImported: the writer makes it the new file's path, the build the article's URL),
// their #fragment kept, so that no reader goes through the redirect page of an old URL. A post
// names another
// - by its file, as editors, GitHub, Hugo's link render hook and jekyll-relative-links read it:
//   `[see](../2023-01-02-other.md#part)`, `[x](/posts/other.md)`, `<a href="other.md">`;
// - by its address on the old site (old-urls.ts): `[x](/posts/other/)`, `[x](/2023/01/02/other.html)`,
//   `https://old.example/posts/other/`.
// Markdown links, reference definitions and the `<a href>` of raw HTML are found with the Markdown
// parser (mdast-util-from-markdown, the destination's own place in the text recorded as it is
// read) and parse5. A link to a Markdown file that is not imported (a page, a post without a
// date, a file the source lacks) stays as written and is returned for the report. Other links are
// not touched; the rest of the text is kept byte for byte.

import { statSync } from 'node:fs';
import path from 'node:path';
import type { Html, Nodes, Root } from 'mdast';
import { fromMarkdown, type CompileContext, type Token } from 'mdast-util-from-markdown';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { visit } from 'unist-util-visit';
import { escapeMarkup } from '../../../escape.js';
import { isInside, isMarkdownName } from '../../../load/discover.js';
import { linkToImported } from '../imported.js';
import { decodedPath, hasScheme, isProtocolRelative } from '../../../urls.js';

/** Where a link's file is looked for. */
export interface LinkFolders {
  /** The source folder: nothing outside it is looked at. */
  source: string;
  /** Folders a site path (/posts/x.md) is looked up in, in order (the content folder first). */
  siteRoots: string[];
}

/** How links name the imported posts. */
export interface PostLinks {
  folders: LinkFolders;
  /** The imported article (its sourceId) a file of the source is. */
  articleOf(file: string): string | undefined;
  /** The imported article an address of the old site leads to, for a link in the post whose old URL is `own` (OldAddresses). */
  articleAt(address: string, own: string | undefined): string | undefined;
}

/** A link kept as written, and where it starts in the text. */
export interface KeptLink {
  link: string;
  /** The file it names, relative to the source folder. */
  target: string;
  /** Whether that file is in the source (then it is not imported as an article). */
  exists: boolean;
  offset: number;
}

/** A link's address as the text writes it: `start`-`end` in the body, `url` as read (escapes and entities decoded). */
interface Destination {
  url: string;
  start: number;
  end: number;
  /** The text that replaces start-end to make the link lead to `url`. */
  write(url: string): string;
}

/**
 * The body of the post `postFile` (its old URL `own`) with its links to imported posts made links
 * to their articles (see the top of this file).
 */
export function linkPosts(body: string, postFile: string, own: string | undefined, links: PostLinks): { text: string; kept: KeptLink[] } {
  if (!body.includes('](') && !body.includes(']:') && !/<a\s/i.test(body)) return { text: body, kept: [] };
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const kept: KeptLink[] = [];
  for (const destination of destinations(body)) {
    const { url, start } = destination;
    if (url === '' || url.startsWith('#') || url.startsWith('?')) continue;
    const cut = url.search(/[?#]/);
    const address = cut === -1 ? url : url.slice(0, cut);
    const decoded = decodedPath(address);
    if (hasScheme(address) || isProtocolRelative(address) || !isMarkdownName(decoded)) {
      const id = links.articleAt(address, own);
      if (id !== undefined) edits.push({ start, end: destination.end, text: destination.write(linkToImported(id, address) + url.slice(address.length)) });
      continue;
    }
    const { folders } = links;
    const candidates = decoded.startsWith('/') ? folders.siteRoots.map((root) => path.join(root, decoded)) : [path.resolve(path.dirname(postFile), decoded)];
    const inside = candidates.filter((file) => isInside(file, folders.source));
    const id = inside.map(links.articleOf).find((each) => each !== undefined);
    if (id !== undefined) {
      edits.push({ start, end: destination.end, text: destination.write(linkToImported(id, address) + url.slice(address.length)) });
      continue;
    }
    const present = inside.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
    const target = path.relative(folders.source, present ?? inside[0] ?? candidates[0]!).split(path.sep).join('/');
    kept.push({ link: url, target, exists: present !== undefined, offset: start });
  }
  let text = body;
  // From the end, so earlier offsets stay right.
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, kept };
}

/** Every link address of a Markdown text: of links and definitions, and of raw HTML's <a href>. */
function destinations(body: string): Destination[] {
  const places = new Map<Nodes, { start: number; end: number }>();
  // The parser's own handlers, which also note where the address is written (`<` and `>` of
  // `[x](<my post.md>)` not included): its text as read has escapes and entities decoded.
  function destination(this: CompileContext, token: Token): undefined {
    const url = this.resume();
    const node = this.stack[this.stack.length - 1]! as Nodes & { url: string };
    node.url = url;
    places.set(node, { start: token.start.offset, end: token.end.offset });
  }
  const tree: Root = fromMarkdown(body, { mdastExtensions: [{ exit: { resourceDestinationString: destination, definitionDestinationString: destination } }] });
  const found: Destination[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') found.push(...htmlLinks(body, node));
    if (node.type !== 'link' && node.type !== 'definition') return;
    const place = places.get(node);
    if (place) found.push({ url: node.url, ...place, write: (url) => url });
  });
  return found;
}

/** The href of each <a> of a raw HTML node, as parse5 reads it, the whole attribute its place. */
function htmlLinks(body: string, node: Html): Destination[] {
  if (!/<a\s/i.test(node.value)) return [];
  const toBody = bodyOffsets(body, node);
  const found: Destination[] = [];
  const walk = (parent: DefaultTreeAdapterMap['parentNode']) => {
    for (const child of parent.childNodes) {
      if (!('tagName' in child)) continue;
      const attribute = child.sourceCodeLocation?.attrs?.href;
      const url = child.attrs.find((each) => each.name === 'href')?.value;
      if (child.tagName === 'a' && attribute && url !== undefined) {
        const start = toBody(attribute.startOffset);
        const end = toBody(attribute.endOffset);
        // Where the body's text around an HTML block (a quote's `>`) hides the attribute, it is not rewritten.
        if (start !== undefined && end !== undefined && body.slice(start, end) === node.value.slice(attribute.startOffset, attribute.endOffset)) {
          found.push({ url, start, end, write: (written) => `href="${escapeMarkup(written)}"` });
        }
      }
      walk(child.tagName === 'template' ? (child as DefaultTreeAdapterMap['template']).content : child);
    }
  };
  walk(parseFragment(node.value, { sourceCodeLocationInfo: true }));
  return found;
}

/**
 * Offsets of an HTML node's value as offsets of the body. In a container (a list item, a quote),
 * each line of the value is its body line without the container's marks before it.
 */
function bodyOffsets(body: string, node: Html): (offset: number) => number | undefined {
  const start = node.position?.start.offset;
  if (start === undefined) return () => undefined;
  const lines = node.value.split('\n');
  const lineStarts: number[] = [start];
  let bodyLineStart = body.lastIndexOf('\n', start - 1) + 1;
  for (let index = 1; index < lines.length; index++) {
    bodyLineStart = body.indexOf('\n', bodyLineStart) + 1;
    const bodyLineEnd = body.indexOf('\n', bodyLineStart);
    const bodyLine = body.slice(bodyLineStart, bodyLineEnd === -1 ? body.length : bodyLineEnd).replace(/\r$/, '');
    lineStarts.push(bodyLine.endsWith(lines[index]!) ? bodyLineStart + bodyLine.length - lines[index]!.length : Number.NaN);
  }
  return (offset) => {
    let line = 0;
    let lineStart = 0;
    while (line + 1 < lines.length && lineStart + lines[line]!.length < offset) {
      lineStart += lines[line]!.length + 1;
      line++;
    }
    const mapped = lineStarts[line]! + offset - lineStart;
    return Number.isNaN(mapped) ? undefined : mapped;
  };
}

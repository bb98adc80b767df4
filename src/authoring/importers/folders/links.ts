// Links from one post of a generator's folder to another by its file, as editors, GitHub, Hugo's
// link render hook and jekyll-relative-links read them: `[see](../2023-01-02-other.md#part)`,
// `[x](/posts/other.md)`, reference definitions. Found with remark-parse; a link to a post that
// is imported becomes a link to its article (linkToImported: the writer makes it the new file's
// path, the build the article's URL), its fragment kept. A link to a Markdown file that is not
// imported (a page, a post without a date, a file the source lacks) stays as written and is
// returned for the report. Other links are not touched; the rest of the text is kept byte for byte.

import { statSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isInside, isMarkdownName } from '../../../load/discover.js';
import { linkToImported } from '../imported.js';

/** Where a link's file is looked for. */
export interface LinkFolders {
  /** The source folder: nothing outside it is looked at. */
  source: string;
  /** Folders a site path (/posts/x.md) is looked up in, in order (the content folder first). */
  siteRoots: string[];
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

/**
 * The body with its links to imported posts' files made links to their articles (see the top of
 * this file). `articleOf` gives the imported article (its sourceId) a file of the source is.
 */
export function linkPosts(body: string, postFile: string, folders: LinkFolders, articleOf: (file: string) => string | undefined): { text: string; kept: KeptLink[] } {
  if (!/\.(md|markdown|mdown)\b/i.test(body)) return { text: body, kept: [] };
  const tree = unified().use(remarkParse).parse(body) as Root;
  const edits: Array<{ start: number; end: number; from: string; to: string }> = [];
  const kept: KeptLink[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const url = (node as Link | Definition).url;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || /^([a-z][a-z0-9+.-]*:|\/\/|#|\?)/i.test(url)) return;
    const hash = url.indexOf('#');
    const address = (hash === -1 ? url : url.slice(0, hash)).split('?', 1)[0]!;
    let decoded = address;
    try {
      decoded = decodeURIComponent(address);
    } catch {
      // Keep it as written.
    }
    if (!isMarkdownName(decoded)) return;
    const candidates = decoded.startsWith('/') ? folders.siteRoots.map((root) => path.join(root, decoded)) : [path.resolve(path.dirname(postFile), decoded)];
    const inside = candidates.filter((file) => isInside(file, folders.source));
    const id = inside.map(articleOf).find((each) => each !== undefined);
    if (id !== undefined) {
      edits.push({ start, end, from: address, to: linkToImported(id, address) });
      return;
    }
    const present = inside.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
    const target = path.relative(folders.source, present ?? inside[0] ?? candidates[0]!).split(path.sep).join('/');
    kept.push({ link: url, target, exists: present !== undefined, offset: start });
  });
  let text = body;
  // From the end, so earlier offsets stay right; the address is replaced where the node writes it
  // (its last occurrence: a link's text comes before its address).
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    const segment = text.slice(edit.start, edit.end);
    const at = segment.lastIndexOf(edit.from);
    if (at === -1) continue;
    text = text.slice(0, edit.start) + segment.slice(0, at) + edit.to + segment.slice(at + edit.from.length) + text.slice(edit.end);
  }
  return { text, kept };
}

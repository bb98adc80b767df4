// Images a post of another generator shows, copied beside the imported article: Markdown images
// (`![alt](photo.jpg)`, reference definitions) and <img> in raw HTML are found with the unified
// parsers (remark-parse, rehype-parse), each address is looked up (relative to the post, or a site
// path in the folders the generator serves files from), and when found the address is replaced in
// the text by the copy's name; the rest of the text is kept byte for byte. Remote images stay as
// they are; local ones not found are returned for the report. Reads nothing outside the source.

import { statSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import type { Definition, Html, Image, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isInside } from '../../../load/discover.js';
import { ArticleAssets } from '../wordpress/uploads.js';

/** Where a post's images may be: its own folder, and the folders site paths (/images/x.png) start in. */
export interface ImageFolders {
  /** The source folder: nothing outside it is read. */
  source: string;
  /** Folders a site path is looked up in, in order (the site root, static/, ...). */
  siteRoots: string[];
}

/** Images the build processes; others (SVG) cannot be an article's image. */
const PROCESSED = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** An image address not found, and where it is in the text. */
export interface MissingImage {
  url: string;
  offset: number;
}

/** The file an image address leads to, when it is a local file inside the source. */
export function findImage(url: string, postFile: string, folders: ImageFolders): string | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url) || url === '') return undefined;
  let clean = url.split(/[?#]/, 1)[0] ?? '';
  try {
    clean = decodeURIComponent(clean);
  } catch {
    // Keep it as written.
  }
  const candidates = clean.startsWith('/') ? folders.siteRoots.map((root) => path.join(root, clean)) : [path.resolve(path.dirname(postFile), clean)];
  return candidates.find((file) => PROCESSED.test(file) && isInside(file, folders.source) && statSync(file, { throwIfNoEntry: false })?.isFile());
}

/** Whether an address is local (not a URL with a scheme). */
function isLocal(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|\/\/|#|data:)/i.test(url);
}

/** The body with its local images pointed at copies beside the article (added to `assets`), and those not found. */
export function localizeImages(body: string, postFile: string, folders: ImageFolders, assets: ArticleAssets): { text: string; missing: MissingImage[] } {
  const edits: Array<{ start: number; end: number; from: string; to: string }> = [];
  const missing: MissingImage[] = [];
  const tree = unified().use(remarkParse).parse(body) as Root;
  // Reference definitions serve links too: only those an image uses are images.
  const imageLabels = new Set<string>();
  visit(tree, 'imageReference', (node: { identifier: string }) => {
    imageLabels.add(node.identifier);
  });
  const consider = (url: string, start: number, end: number, markdownImage: boolean) => {
    if (!isLocal(url)) return;
    const file = findImage(url, postFile, folders);
    if (file) edits.push({ start, end, from: url, to: assets.add(file) });
    else {
      missing.push({ url, offset: start });
      // An image the build cannot find stops it: a Markdown image not found stays a link to where it was.
      if (markdownImage) edits.push({ start, end: start + 1, from: '!', to: '' });
    }
  };
  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'image') consider((node as Image).url, start, end, true);
    else if (node.type === 'definition' && imageLabels.has((node as Definition).identifier)) consider((node as Definition).url, start, end, false);
    else if (node.type === 'html') {
      const html = unified().use(rehypeParse, { fragment: true }).parse((node as Html).value);
      let unfound = false;
      visit(html, 'element', (element: Element) => {
        const src = element.properties.src;
        if (element.tagName !== 'img' || typeof src !== 'string' || !isLocal(src)) return;
        const before = missing.length;
        consider(src, start, end, false);
        if (missing.length === before) {
          element.properties.src = edits[edits.length - 1]?.to ?? src;
          return;
        }
        // Not found: a link to where it was, as for Markdown images.
        unfound = true;
        Object.assign(element, { tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: String(element.properties.alt ?? '') || src }] });
      });
      if (unfound) {
        // The whole block is written again, its found images already pointed at their copies.
        for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.start === start) edits.splice(i, 1);
        edits.push({ start, end, from: (node as Html).value, to: unified().use(rehypeStringify).stringify(html) });
      }
    }
  });
  let text = body;
  // From the end, so earlier offsets stay right; within a node the address is replaced where it is written.
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    const segment = text.slice(edit.start, edit.end);
    const at = segment.lastIndexOf(edit.from);
    if (at === -1) continue;
    text = text.slice(0, edit.start) + segment.slice(0, at) + edit.to + segment.slice(at + edit.from.length) + text.slice(edit.end);
  }
  return { text, missing };
}

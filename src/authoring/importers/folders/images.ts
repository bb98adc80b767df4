// Images a post of another generator shows, copied beside the imported article: Markdown images
// (`![alt](photo.jpg)`, reference definitions) and <img> in raw HTML are found with the unified
// parsers (remark-parse, rehype-parse), each address is looked up (relative to the post, or a site
// path in the folders the generator serves files from), and when found the address is replaced in
// the text by the copy's name; the rest of the text is kept byte for byte. Remote images stay as
// they are; local ones not found are returned for the report. Reads nothing outside the source.

import { statSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import type { Definition, Html, Image, Root, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isInside } from '../../../load/discover.js';
import { decodedPath, hasScheme, isWebAddress } from '../../../urls.js';
import { ArticleAssets } from '../wordpress/uploads.js';

/** Where a post's images may be: its own folder, and the folders site paths (/images/x.png) start in. */
export interface ImageFolders {
  /** The source folder: nothing outside it is read. */
  source: string;
  /** Folders a site path is looked up in, in order (the site root, static/, ...). */
  siteRoots: string[];
  /** The old site's address, ending in "/": an image not copied is shown from there. */
  oldSite?: string;
}

/** Images the build processes; others (SVG) cannot be an article's image. */
const PROCESSED = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** An image address not copied, and where it is in the text. */
export interface MissingImage {
  url: string;
  offset: number;
  /** Why: no such file in the source, a file the build cannot process (an SVG), or an address neither a file nor http(s) (data:, file:). */
  reason: 'not-found' | 'unsupported' | 'not-web';
  /** The old site's address of it, which the article now shows; undefined when the old site is not known. */
  shownFrom?: string;
  /** An <img> of raw HTML with no old site to show it from: only its alt text is left (it may be inside a link). */
  asText?: boolean;
}

/** The file an image address leads to, when it is a local file inside the source the build can process. */
export function findImage(url: string, postFile: string, folders: ImageFolders): string | undefined {
  return sourceFiles(url, postFile, folders).find((file) => PROCESSED.test(file));
}

/** The files inside the source an address may name that exist (a site path may be in several roots); none for a URL. */
function sourceFiles(url: string, postFile: string, folders: ImageFolders): string[] {
  if (!isLocal(url)) return [];
  const clean = decodedPath(url.split(/[?#]/, 1)[0] ?? '');
  const candidates = clean.startsWith('/') ? folders.siteRoots.map((root) => path.join(root, clean)) : [path.resolve(path.dirname(postFile), clean)];
  return candidates.filter((file) => isInside(file, folders.source) && statSync(file, { throwIfNoEntry: false })?.isFile());
}

/** The old site's address of an image: a site path is the old site's, a relative one relative to the post's old page. */
function oldSiteAddress(url: string, folders: ImageFolders, postUrl: string | undefined): string | undefined {
  if (!folders.oldSite) return undefined;
  const base = url.startsWith('/') ? folders.oldSite : new URL((postUrl ?? '/').replace(/^\/+/, ''), folders.oldSite).href;
  const relative = url.replace(/^\/+/, '');
  return URL.canParse(relative, base) ? new URL(relative, base).href : undefined;
}

/**
 * Do these nodes (those before an inline HTML node in its paragraph) leave a link open? Markdown
 * reads inline HTML a tag at a time: `<a href="...">`, then `<img>`, then `</a>`, each a node.
 */
function inOpenLink(before: readonly RootContent[]): boolean {
  let open = 0;
  for (const node of before) {
    if (node.type !== 'html') continue;
    // A closing tag alone is no element to the HTML parser: told by its form, which Markdown checked.
    if (node.value.replace(/\s+/g, '').toLowerCase() === '</a>') open = Math.max(0, open - 1);
    else {
      const first = unified().use(rehypeParse, { fragment: true }).parse(node.value).children[0];
      if (first?.type === 'element' && first.tagName === 'a' && first.children.length === 0) open++;
    }
  }
  return open > 0;
}

/** Whether an address is local (not a URL with a scheme). */
function isLocal(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

/** Whether an address is to be looked at: a local one, or one of a scheme no page shows (data:, file:), which the build refuses. */
function isConsidered(url: string): boolean {
  return isLocal(url) || (hasScheme(url) && !isWebAddress(url));
}

/** The body with its local images pointed at copies beside the article (added to `assets`), and those not found. */
export function localizeImages(body: string, postFile: string, folders: ImageFolders, assets: ArticleAssets, postUrl?: string): { text: string; missing: MissingImage[] } {
  const edits: Array<{ start: number; end: number; from: string; to: string }> = [];
  const missing: MissingImage[] = [];
  const tree = unified().use(remarkParse).parse(body) as Root;
  // Reference definitions serve links too: only those an image uses are images.
  const imageLabels = new Set<string>();
  visit(tree, 'imageReference', (node: { identifier: string }) => {
    imageLabels.add(node.identifier);
  });
  const consider = (url: string, start: number, end: number, markdownImage: boolean) => {
    if (!isConsidered(url)) return;
    if (!isLocal(url)) {
      // data:, file:, ftp:: a link to where it was, as an image not found with no old site (<img>: below).
      missing.push({ url, offset: start, reason: 'not-web' });
      if (markdownImage) edits.push({ start, end: start + 1, from: '!', to: '' });
      return;
    }
    // Looked up once: a file the build can process is copied; one it cannot (an SVG) is not, and said so.
    const files = sourceFiles(url, postFile, folders);
    const file = files.find((each) => PROCESSED.test(each));
    if (file) {
      edits.push({ start, end, from: url, to: assets.add(file) });
      return;
    }
    const shownFrom = oldSiteAddress(url, folders, postUrl);
    missing.push({ url, offset: start, reason: files.length > 0 ? 'unsupported' : 'not-found', shownFrom });
    // The old site's copy, when its address is known; else (an image the build cannot find stops
    // it) a Markdown image stays a link to where it was.
    if (shownFrom) edits.push({ start, end, from: url, to: shownFrom });
    else if (markdownImage) edits.push({ start, end: start + 1, from: '!', to: '' });
  };
  visit(tree, (node, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'image') consider((node as Image).url, start, end, true);
    else if (node.type === 'definition' && imageLabels.has((node as Definition).identifier)) consider((node as Definition).url, start, end, false);
    else if (node.type === 'html') {
      const html = unified().use(rehypeParse, { fragment: true }).parse((node as Html).value);
      const linked = inOpenLink(parent?.children.slice(0, index) ?? []);
      let unfound = false;
      visit(html, 'element', (element: Element, _at, around) => {
        const src = element.properties.src;
        if (element.tagName !== 'img' || typeof src !== 'string' || !isConsidered(src)) return;
        const before = missing.length;
        consider(src, start, end, false);
        if (missing.length === before) {
          element.properties.src = edits[edits.length - 1]?.to ?? src;
          return;
        }
        unfound = true;
        const last = missing[missing.length - 1]!;
        // Shown from the old site; else a link to where it was, as for Markdown images, or in a
        // link already (a link in a link is no HTML), its alt text alone.
        if (last.shownFrom) element.properties.src = last.shownFrom;
        else if (linked || (around?.type === 'element' && around.tagName === 'a')) {
          last.asText = true;
          Object.assign(element, { type: 'text', value: String(element.properties.alt ?? '') });
        } else Object.assign(element, { tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: String(element.properties.alt ?? '') || src }] });
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

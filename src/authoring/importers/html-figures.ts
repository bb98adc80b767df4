// Figures of an HTML body (a [caption] shortcode's, an image block's, a gallery's) in the shape
// Broadsheet's Markdown shows as figures: an image whose title is the caption, alone in its
// paragraph. A gallery becomes one such paragraph per image, then its own caption as a paragraph:
// no image of it is lost. What Markdown's title cannot hold is kept as HTML instead: a figure whose
// image is a link (to a story, a sponsor; a link to the image file itself or its attachment page is
// the same photo, full size, and is left out, here and around an image outside a figure) or whose
// caption holds a link is written as a <figure> element, which Broadsheet renders as written. A
// figure of other content (a table, a quote) keeps its content, its caption a paragraph after it.
// Works on the tree in place.

import type { Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import { IMAGE_FILE } from '../../load/discover.js';
import { isKeptAsHtml, keepAsHtml } from './html-raw.js';
import { hasClass } from './html-class.js';

/**
 * A figure as the images it shows (see the top of this file). `isPhoto` tells a link to the photo
 * itself (see isPhotoLink), which is left out.
 */
export function figureAsImage(figure: Element, isPhoto: (href: string) => boolean): void {
  if (isKeptAsHtml(figure)) return;
  const images = imagesIn(figure);
  let other = false;
  visit(figure, 'element', (node: Element) => void (node.tagName !== 'img' && !IMAGE_FIGURE.has(node.tagName) && (other = true)));
  if (other) {
    for (const child of figure.children) if (child.type === 'element' && child.tagName === 'figcaption') child.tagName = 'p';
    figure.tagName = 'div';
    return;
  }
  if (images.length === 0) return;
  if (images.length === 1) {
    Object.assign(figure, { tagName: 'div', properties: {}, children: [shownImage(images[0]!, linkAround(figure, images[0]!, isPhoto), captionOf(figure))] });
    return;
  }
  const shown: Element[] = images.map((image) => {
    const own = innermostFigure(figure, image);
    return shownImage(image, linkAround(figure, image, isPhoto), own ? captionOf(own) : []);
  });
  const caption = figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
  if (caption) shown.push({ type: 'element', tagName: 'p', properties: {}, children: caption.children });
  Object.assign(figure, { tagName: 'div', properties: {}, children: shown });
}

/**
 * Whether `dl` is a caption as older WordPress (and WordPress.com) wrote it, a definition list
 * `<dl class="wp-caption"><dt class="wp-caption-dt"><img></dt><dd class="wp-caption-dd">caption</dd></dl>`;
 * if so, it is made the <figure> it stands for, in place, for figureAsImage.
 */
export function captionListAsFigure(dl: Element): boolean {
  if (!hasClass(dl, 'wp-caption')) return false;
  const children = dl.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'dt') return child.children;
    return child.tagName === 'dd' ? [{ ...child, tagName: 'figcaption', properties: {} }] : [child];
  });
  Object.assign(dl, { tagName: 'figure', properties: {}, children });
  return true;
}

/** What a figure of images (one, or a gallery) is made of: anything else makes it a figure of other content. */
const IMAGE_FIGURE = new Set(['figure', 'img', 'picture', 'source', 'a', 'figcaption', 'ul', 'ol', 'li', 'span', 'br', 'em', 'strong', 'i', 'b', 'p', 'div', 'sup', 'sub', 'small', 'cite']);

/** One image with its link and caption: a paragraph Markdown can write, or a <figure> kept as HTML. */
function shownImage(image: Element, href: string | undefined, caption: ElementContent[]): Element {
  const text = caption.map(textOf).join('').replace(/\s+/g, ' ').trim();
  const linked = (inner: Element): Element => (href ? { type: 'element', tagName: 'a', properties: { href }, children: [inner] } : inner);
  const paragraph = (inner: Element): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [inner] });
  if (!text) return paragraph(linked(image));
  let captionLinks = false;
  for (const node of caption) if (node.type === 'element') visit(node, 'element', (inner: Element) => void (inner.tagName === 'a' && (captionLinks = true)));
  if (!href && !captionLinks) return paragraph({ ...image, properties: { ...image.properties, title: text } });
  const figcaption: Element = { type: 'element', tagName: 'figcaption', properties: {}, children: structuredClone(caption) };
  const trimmed = figcaption.children;
  if (trimmed[0]?.type === 'text') trimmed[0].value = trimmed[0].value.trimStart();
  const last = trimmed.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return keepAsHtml({ type: 'element', tagName: 'figure', properties: {}, children: [linked(image), figcaption] });
}

/** The address the link around `image` (inside `figure`) leads to, unless it is the image itself: its file, full size, or its attachment page. */
function linkAround(figure: Element, image: Element, isPhoto: (href: string) => boolean): string | undefined {
  let href: string | undefined;
  const walk = (node: Element, link: string | undefined): boolean => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child === image) return (href = link), true;
      if (walk(child, child.tagName === 'a' && typeof child.properties.href === 'string' ? child.properties.href : link)) return true;
    }
    return false;
  };
  walk(figure, undefined);
  return href === undefined || isPhoto(href) ? undefined : href;
}

/**
 * Whether a link around an image leads to the photo itself, full size: an image file (WordPress's
 * "Link to: Media File") or its attachment page (`?attachment_id=7`, or one of `attachmentPages`,
 * the pretty addresses such as /2023/01/story/photo-name/, by pageKey). Such a link adds nothing
 * the imported photo does not show, and leads to the old site, which will be gone. A relative
 * `href` is read against `baseUrl`, the old site's address.
 */
export function isPhotoLink(href: string, attachmentPages: ReadonlySet<string>, baseUrl = 'https://x.invalid/'): boolean {
  const url = URL.canParse(href, baseUrl) ? new URL(href, baseUrl) : undefined;
  if (!url) return true;
  return IMAGE_FILE.test(url.pathname) || url.searchParams.has('attachment_id') || attachmentPages.has(pageKey(url));
}

/** A page's address as links to it are compared: host (www. aside) and path, without scheme, query or trailing slash. */
export function pageKey(url: URL): string {
  return `${url.host.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/** The caption of a figure of one image: its figcaption's content, or (a [caption] shortcode's) what is beside the image. */
function captionOf(figure: Element): ElementContent[] {
  const captionElement = figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
  if (captionElement) return captionElement.children;
  // A block editor's comments (<!-- wp:image -->) are not text, nor is the image or the link around it.
  return figure.children.filter((child) => child.type !== 'comment' && !(child.type === 'element' && (child.tagName === 'img' || imagesIn(child).length > 0)));
}

/** The text of a node, a line break read as a space ("North pier<br>Photo: Jo Lie"). */
function textOf(node: ElementContent): string {
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  if (node.type === 'element') return node.children.map(textOf).join('');
  return node.type === 'text' ? node.value : '';
}

/** The <img> elements in `node`, itself included, in document order. */
function imagesIn(node: Element): Element[] {
  const images: Element[] = [];
  visit(node, 'element', (inner: Element) => void (inner.tagName === 'img' && images.push(inner)));
  return images;
}

/** The innermost figure inside `gallery` that holds `image` and no other image; undefined when there is none. */
function innermostFigure(gallery: Element, image: Element): Element | undefined {
  let found: Element | undefined;
  const walk = (node: Element, figure: Element | undefined): boolean => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child === image) {
        found = figure;
        return true;
      }
      if (walk(child, child.tagName === 'figure' ? child : figure)) return true;
    }
    return false;
  };
  walk(gallery, undefined);
  return found && imagesIn(found).length === 1 ? found : undefined;
}

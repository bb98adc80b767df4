// WordPress exports (WXR: Tools > Export, an RSS file with wp: elements) as imported articles,
// field by field:
//   wp:post_type      post -> an article; pages and other content types are reported one by one,
//                     attachments, menus, revisions and the like counted in one line each
//   wp:status         publish / future (scheduled) -> published; draft, pending -> draft: true;
//                     private, trash, auto-draft and password-protected posts are not imported (reported)
//   wp:post_date(_gmt) -> date, the wall clock with its offset
//   dc:creator        -> author, by the login's display name (wp:author), also added to authors.yaml
//   category          -> topic (the first category; "Uncategorized" dropped), the rest and post_tag -> tags
//   excerpt:encoded   -> summary;   wp:post_name -> slug;   link and guid (?p=123) -> aliases
//   _thumbnail_id     -> lead image (the attachment's file, alt text from _wp_attachment_image_alt)
//   content:encoded   -> the body: shortcodes read (shortcodes.ts), paragraphs as WordPress makes them,
//                     HTML to Markdown; uploaded images copied beside the article from --uploads, a
//                     link around one to its attachment page (an attachment's link) left out;
//                     the footnotes block's notes (the `footnotes` meta) as Markdown footnotes
// Pure but for looking files up in the uploads folder.

import { dateWithOffset, importedDateText } from '../../../dates.js';
import type { Position } from '../../../problems/index.js';
import { htmlText, htmlToMarkdown } from '../html-markdown.js';
import { sitePath } from '../feeds/entry.js';
import { ImportReport, type ImportedArticle, type ImportedAuthor, type ImportedSource } from '../imported.js';
import { child, childrenNamed, childText, placer, textOf, type XmlElement } from '../xml.js';
import { convertShortcodes } from './shortcodes.js';
import { ArticleAssets, findUpload, isUploadUrl } from './uploads.js';

/** Whether an RSS root is a WordPress export (it has wp: elements in its channel). */
export function isWxr(root: XmlElement): boolean {
  const channel = child(root, 'channel');
  return root.name === 'rss' && (channel?.children ?? []).some((node) => typeof node !== 'string' && node.name.startsWith('wp:'));
}

/** Kinds of item that are parts of a site, not content: counted in one line each. */
const PARTS = new Map([
  ['attachment', 'media files: their images are copied where articles show them'],
  ['nav_menu_item', 'menu entries'],
  ['revision', 'earlier versions of posts'],
  ['wp_block', 'reusable blocks'],
  ['wp_navigation', 'navigation menus'],
  ['wp_template', 'theme templates'],
  ['wp_template_part', 'theme template parts'],
  ['wp_global_styles', 'theme styles'],
  ['custom_css', 'theme styles'],
  ['customize_changeset', 'theme settings'],
  ['oembed_cache', 'cached embeds'],
  ['user_request', 'privacy requests'],
]);

/** What reading needs besides the XML: the uploads folder, if any (absolute). */
export interface WxrOptions {
  uploads?: string;
}

/** Read the posts of a WordPress export. */
export function readWxr(root: XmlElement, text: string, file: string, options: WxrOptions = {}): ImportedSource {
  const report = new ImportReport(file);
  const place = placer(text);
  const channel = child(root, 'channel');
  const siteUrl = childText(channel, 'wp:base_blog_url') ?? childText(channel, 'link');
  const authors = new Map<string, ImportedAuthor>();
  for (const author of childrenNamed(channel, 'wp:author')) {
    const login = childText(author, 'wp:author_login');
    const name = childText(author, 'wp:author_display_name') ?? [childText(author, 'wp:author_first_name'), childText(author, 'wp:author_last_name')].filter(Boolean).join(' ');
    if (login) authors.set(login, { name: name || login });
  }
  const items = childrenNamed(channel, 'item');
  const attachments = new Map<string, XmlElement>();
  for (const item of items) if (childText(item, 'wp:post_type') === 'attachment') attachments.set(childText(item, 'wp:post_id') ?? '', item);
  const attachmentPages = [...attachments.values()].map((item) => childText(item, 'link')).filter((link): link is string => link !== undefined);

  const parts = new Map<string, { at: Position; count: number }>();
  const articles: ImportedArticle[] = [];
  const used = new Set<string>();
  for (const item of items) {
    const at = place(item);
    const type = childText(item, 'wp:post_type') ?? 'post';
    const title = htmlText(childText(item, 'title') ?? '').trim();
    if (PARTS.has(type)) {
      const seen = parts.get(type) ?? { at, count: 0 };
      seen.count++;
      parts.set(type, seen);
      continue;
    }
    if (type !== 'post') {
      report.leftOut(at, { what: type === 'page' ? 'page' : `${type} item`, title, why: type === 'page' ? 'pages are not articles (copy what you need into a new article)' : `"${type}" is not a post type Broadsheet imports` });
      continue;
    }
    const status = childText(item, 'wp:status') ?? 'publish';
    const left = leftOutStatus(status, childText(item, 'wp:post_password'));
    if (left) {
      report.leftOut(at, { what: left.what, title, why: left.why });
      continue;
    }
    const article = postArticle(item, { at, title, status, file, siteUrl, report, authors, attachments, attachmentPages, uploads: options.uploads, text, place });
    if (article) {
      articles.push(article);
      for (const name of article.authors ?? []) used.add(name);
    }
  }
  for (const [type, { at, count }] of parts) report.leftOut(at, { what: type.replace(/_/g, ' '), why: `${count === 1 ? '' : `${count} of them, `}${PARTS.get(type)!}` }, file, count);
  return { format: 'wxr', articles, authors: [...authors.values()].filter((author) => used.has(author.name)), report };
}

function leftOutStatus(status: string, password: string | undefined): { what: string; why: string } | undefined {
  if (password) return { what: 'password-protected post', why: 'its text is meant for those who have the password: publish it by hand if it may be public' };
  if (status === 'private') return { what: 'private post', why: 'private posts are not public: publish them by hand if they may be' };
  if (status === 'trash') return { what: 'trashed post', why: 'it is in the trash' };
  if (status === 'auto-draft') return { what: 'auto-draft', why: 'WordPress saved it automatically; no one wrote it' };
  return undefined;
}

interface PostContext {
  at: Position;
  title: string;
  status: string;
  file: string;
  siteUrl?: string;
  report: ImportReport;
  authors: ReadonlyMap<string, ImportedAuthor>;
  attachments: ReadonlyMap<string, XmlElement>;
  /** The attachments' pages (their links), which a link around a photo may lead to. */
  attachmentPages: readonly string[];
  uploads?: string;
  text: string;
  place: (element: XmlElement) => Position;
}

function postArticle(item: XmlElement, context: PostContext): ImportedArticle | undefined {
  const { at, report } = context;
  const date = postDate(item);
  if (!date) {
    report.leftOut(at, { what: 'post', title: context.title, why: 'it has no date WordPress wrote (wp:post_date, pubDate)' });
    return undefined;
  }
  let title = context.title;
  if (!title) {
    title = `Untitled post of ${date.slice(0, 10)}`;
    report.fieldFilled(at, { field: 'title', how: `"${title}" is used` });
  }
  const assets = new ArticleAssets();
  const localImage = (url: string, where: Position): string | undefined => {
    const absolute = context.siteUrl && URL.canParse(url, context.siteUrl) ? new URL(url, context.siteUrl).href : url;
    if (!isUploadUrl(absolute)) return undefined;
    const found = findUpload(absolute, context.uploads);
    if (found.found) return assets.add(found.file);
    report.imageMissing(where, { url, tried: found.tried });
    return undefined;
  };

  const content = child(item, 'content:encoded');
  const contentAt = content ? context.place(content) : at;
  const lineOf = (offset: number, within: string): Position => {
    const before = within.slice(0, offset);
    const lines = before.split('\n').length - 1;
    return { line: contentAt.line + lines, column: lines === 0 ? contentAt.column + offset : offset - before.lastIndexOf('\n') };
  };
  const raw = textOf(content);
  const { html, kept } = convertShortcodes(raw);
  for (const shortcode of kept) report.markupKept(lineOf(shortcode.offset, raw), { markup: shortcode.markup, kind: 'WordPress shortcode' });
  const body = htmlToMarkdown(html, { paragraphs: true, image: (src) => localImage(src, contentAt), notWebImage: (url) => report.imageMissing(contentAt, { url, notWeb: true, asText: true }), baseUrl: context.siteUrl, footnotes: footnotes(item), attachmentPages: context.attachmentPages });

  const categories = childrenNamed(item, 'category');
  const termNames = (domain: string) =>
    categories.filter((category) => (category.attributes.domain ?? 'category') === domain).map((category) => ({ name: htmlText(textOf(category)).trim(), nicename: category.attributes.nicename ?? '' }));
  const [topic, ...otherCategories] = termNames('category').filter((term) => term.name && term.nicename !== 'uncategorized' && term.name.toLowerCase() !== 'uncategorized').map((term) => term.name);
  const tags = [...otherCategories, ...termNames('post_tag').map((term) => term.name).filter(Boolean)];

  const creator = childText(item, 'dc:creator');
  const author = creator ? (context.authors.get(creator)?.name ?? creator) : undefined;
  const excerpt = childText(item, 'excerpt:encoded');
  const lead = leadImage(item, context.attachments, (url) => localImage(url, at), context.siteUrl);
  const postName = childText(item, 'wp:post_name');
  const postId = childText(item, 'wp:post_id');
  return {
    // The post id is unique in an export; guids are not (a copied post keeps its original's).
    sourceId: postId ? `${(context.siteUrl ?? 'wordpress').replace(/\/$/, '')}/?p=${postId}` : (childText(item, 'guid') ?? `wordpress:${title}`),
    origin: { file: context.file, ...at },
    title,
    date,
    updated: updatedDate(item, date),
    slug: postName ? decodeSafely(postName) : undefined,
    topic,
    tags: [...new Set(tags)],
    authors: author ? [author] : [],
    summary: excerpt ? htmlText(excerpt).replace(/\s+/g, ' ').trim() || undefined : undefined,
    draft: context.status === 'draft' || context.status === 'pending' ? true : undefined,
    image: lead?.image,
    imageAlt: lead?.alt,
    aliases: [childText(item, 'link'), postId ? `/?p=${postId}` : undefined]
      .map((url) => (url ? sitePath(url, context.siteUrl) : undefined))
      .filter((path): path is string => path !== undefined),
    body,
    assets: assets.assets,
  };
}

/** wp:post_date with the offset wp:post_date_gmt gives it; else the RSS pubDate. */
function postDate(item: XmlElement): string | undefined {
  const local = childText(item, 'wp:post_date');
  if (local && !local.startsWith('0000')) {
    const date = dateWithOffset(local, childText(item, 'wp:post_date_gmt'));
    if (date) return date;
  }
  const pubDate = childText(item, 'pubDate');
  return pubDate ? importedDateText(pubDate) : undefined;
}

/** wp:post_modified, when it is later than the date. */
function updatedDate(item: XmlElement, date: string): string | undefined {
  const local = childText(item, 'wp:post_modified');
  if (!local || local.startsWith('0000')) return undefined;
  const updated = dateWithOffset(local, childText(item, 'wp:post_modified_gmt'));
  return updated && updated.slice(0, 19) > date.slice(0, 19) ? updated : undefined;
}

/** The featured image (_thumbnail_id): a file beside the article when the uploads have it, else its URL. */
function leadImage(item: XmlElement, attachments: ReadonlyMap<string, XmlElement>, local: (url: string) => string | undefined, siteUrl: string | undefined): { image: string; alt?: string } | undefined {
  const id = meta(item, '_thumbnail_id');
  const attachment = id === undefined ? undefined : attachments.get(id);
  const url = childText(attachment, 'wp:attachment_url') ?? childText(attachment, 'guid');
  if (!attachment || !url) return undefined;
  const alt = meta(attachment, '_wp_attachment_image_alt') ?? htmlText(childText(attachment, 'excerpt:encoded') ?? '').trim();
  const remote = URL.canParse(url, siteUrl) ? new URL(url, siteUrl).href : undefined;
  const image = local(url) ?? remote;
  return image ? { image, alt: alt || undefined } : undefined;
}

function meta(item: XmlElement, key: string): string | undefined {
  const entry = childrenNamed(item, 'wp:postmeta').find((postmeta) => childText(postmeta, 'wp:meta_key') === key);
  return childText(entry, 'wp:meta_value');
}

/** The notes of WordPress's footnotes block: the `footnotes` meta, a JSON list of {id, content} (content is HTML). */
function footnotes(item: XmlElement): Map<string, string> {
  const notes = new Map<string, string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(meta(item, 'footnotes') ?? '[]');
  } catch {
    return notes;
  }
  for (const note of Array.isArray(parsed) ? (parsed as unknown[]) : []) {
    const { id, content } = (note ?? {}) as { id?: unknown; content?: unknown };
    if (typeof id === 'string' && typeof content === 'string') notes.set(id, content);
  }
  return notes;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

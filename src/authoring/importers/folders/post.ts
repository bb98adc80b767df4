// One post of another generator's folder as an ImportedArticle, front-matter field by field:
//   title        title (else Eleventy's eleventyNavigation.key, name, headline; else the body's
//                first # heading, which then leaves the body; else the file name) - filled in, reported
//   date         date (Jekyll's `2014-12-17 11:16:21 -0800` too; TOML dates), else Hugo's publishDate,
//                else the file name's YYYY-MM-DD-, else the YYYY/MM/DD/ of its own URL (reported); a
//                post without one is left out, reported
//   updated      lastmod, updated, last_modified_at, modified
//   topic, tags  category / categories (a list, or Jekyll's space-separated words; Jekyll's folders
//                around _posts first, Zola's [taxonomies]): the first is the topic, the rest tags,
//                with tags (Eleventy's collection names posts and all dropped)
//   summary      description, else summary, excerpt
//   author       author / authors (a name or a list)
//   draft        draft: true, published: false, or a file in Jekyll's _drafts
//   image        image, cover (or cover.image), featured_image, feature_image, images[0], extra.image
//   aliases      aliases (Hugo's relative to the post's URL, Zola's to the site's root), redirect_from
//                (Jekyll), and the post's own old URL
//   body         template code converted (markup.ts), links to other posts' files made links to
//                their articles (links.ts), images copied (images.ts); an .html post of Jekyll made Markdown

import path from 'node:path';
import { importedDateText, looseDateText } from '../../../dates.js';
import type { Position } from '../../../problems/index.js';
import { htmlToMarkdown } from '../html-markdown.js';
import { uniqueNames, type ImportedArticle, type ImportReport } from '../imported.js';
import { ArticleAssets } from '../wordpress/uploads.js';
import { findImage, localizeImages, type ImageFolders } from './images.js';
import { linkPosts, type PostLinks } from './links.js';
import { convertMarkup } from './markup.js';
import type { PostPlace } from './permalinks.js';

/** A post file, its front-matter split off and parsed. */
export interface PostFile {
  /** Path inside the content folder, with forward slashes. */
  relative: string;
  absolute: string;
  /** As problems name it. */
  shown: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  locate(path: ReadonlyArray<string | number>): Position;
}

/** What making an article of a post needs besides the post. */
export interface PostContext {
  generator: PostPlace['generator'];
  place: PostPlace;
  oldUrl?: string;
  urlOf(reference: string): string | undefined;
  siteValue(setting: string): string | undefined;
  report: ImportReport;
  folders: ImageFolders;
  /** Links to other posts by their files or old addresses: which imported article (sourceId) they lead to. */
  links: PostLinks;
  timeZone: string;
}

const DATED_NAME = /^(\d{4}-\d{2}-\d{2})[-_](.+)$/;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/** A list field: a YAML/TOML list, or text (space-separated for Jekyll's categories and tags, else comma-separated). */
function list(value: unknown, words = false): string[] {
  if (Array.isArray(value)) return value.map(str).filter((item): item is string => item !== undefined);
  const text = str(value);
  if (!text) return [];
  return (words && !text.includes(',') ? text.split(/\s+/) : text.split(',')).map((item) => item.trim()).filter(Boolean);
}

/** The facts of a post its old URL is made of. */
export function postPlace(post: PostFile, generator: PostPlace['generator'], _timeZone: string): PostPlace {
  const parts = post.relative.split('/');
  const file = parts.pop()!;
  const base = file.replace(/\.[^.]+$/, '');
  const bundle = base === 'index' && parts.length > 0;
  const name = bundle ? parts.pop()! : base;
  const dated = DATED_NAME.exec(name);
  const folders = parts.filter((part) => part !== '_posts' && part !== '_drafts');
  const data = post.data;
  const date = dateOf(post, generator);
  return {
    generator,
    folders: generator === 'jekyll' ? [] : folders,
    fileSlug: dated && generator !== 'hugo' ? dated[2]! : name,
    fileName: name,
    title: titleOf(data) ?? name,
    slug: str(data.slug),
    date: date?.text,
    dateFrom: date?.from,
    categories: generator === 'jekyll' ? [...folders, ...list(data.categories ?? data.category, true)] : [],
    override: str(generator === 'hugo' ? data.url : generator === 'zola' ? data.path : data.permalink),
  };
}

function titleOf(data: Record<string, unknown>): string | undefined {
  const navigation = data.eleventyNavigation as { key?: unknown } | undefined;
  return str(data.title) ?? str(data.name) ?? str(data.headline) ?? str(navigation?.key);
}

/** The post's date text and where it was found: its front-matter date, else its file name's, else its own URL's. */
function dateOf(post: PostFile, generator: PostPlace['generator']): { text: string; from: 'front-matter' | 'file name' | 'URL' } | undefined {
  const data = post.data;
  const written = str(data.date) ?? str(data.publishDate) ?? str(data.pubDate) ?? str(data.published_at);
  if (written && !/^(last modified|created|git (last modified|created))$/i.test(written)) {
    const read = importedDateText(written) ?? looseDateText(written);
    if (read) return { text: read, from: 'front-matter' };
  }
  const name = post.relative.split('/').filter((part) => part !== 'index.md').pop() ?? '';
  const dated = DATED_NAME.exec(name) ?? DATED_NAME.exec(path.posix.basename(path.posix.dirname(post.relative)));
  if (dated) return { text: dated[1]!, from: 'file name' };
  // Some sites keep the date only in each post's own URL, and their templates read it from there
  // (the Rust blog's Zola posts: path = "2026/03/26/1.94.1-release").
  const own = str(generator === 'hugo' ? data.url : generator === 'zola' ? data.path : data.permalink);
  const inUrl = own === undefined ? undefined : /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(own);
  const text = inUrl ? `${inUrl[1]}-${inUrl[2]}-${inUrl[3]}` : undefined;
  return text !== undefined && importedDateText(text) ? { text, from: 'URL' } : undefined;
}

/** The post as an article; undefined (reported) when it has no date. */
export function postArticle(post: PostFile, context: PostContext): ImportedArticle | undefined {
  const { report, place, generator } = context;
  const data = post.data;
  // Problems the build finds in the article are placed at its date, the field most often at fault.
  const at = post.locate(['date']);
  const date = place.date;
  if (!date) {
    report.leftOut(at, { what: 'page', title: place.title, why: 'it has no date (in its front-matter or file name): pages of a site are not articles' }, post.shown);
    return undefined;
  }
  if (place.dateFrom === 'URL') report.fieldFilled(at, { field: 'date', how: `the date of its URL is used: ${date}` }, post.shown);
  const writtenDate = str(data.date);
  if (writtenDate && !importedDateText(writtenDate) && !/^(last modified|created|git (last modified|created))$/i.test(writtenDate)) {
    report.fieldFilled(at, { field: 'date in a form Broadsheet reads', how: `"${writtenDate}" is read as ${date}` }, post.shown);
  }
  const taxonomies = (data.taxonomies ?? {}) as Record<string, unknown>;
  let body = post.body;
  let title = titleOf(data);
  if (!title) {
    const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body);
    title = heading?.[1] ?? place.fileName.replace(DATED_NAME, '$2').replace(/[-_]+/g, ' ');
    if (heading) body = body.replace(heading[0], '');
    report.fieldFilled(post.locate(['title']), { field: 'title', how: heading ? `the first heading is used: "${title}"` : `the file name is used: "${title}"` }, post.shown);
  }

  // Template code first (Liquid runs before Markdown in Jekyll, shortcodes before it in Hugo).
  const language = generator === 'hugo' ? 'hugo' : generator === 'zola' ? 'zola' : 'liquid';
  const params = (data.params ?? {}) as Record<string, unknown>;
  const pageValue = (name: string) => str(data[name]) ?? str(params[name]);
  const converted = convertMarkup(body, language, { urlOf: context.urlOf, siteValue: context.siteValue, pageValue });
  const lineAt = (offset: number, text = body): Position => {
    const before = text.slice(0, offset);
    return { line: post.bodyLine + before.split('\n').length - 1, column: offset - before.lastIndexOf('\n') };
  };
  const kind = language === 'liquid' ? 'Liquid tag' : language === 'hugo' ? 'Hugo shortcode' : 'Zola shortcode';
  for (const kept of converted.kept) report.markupKept(lineAt(kept.offset), { markup: kept.markup, kind }, post.shown);
  let markdown = /\.html?$/i.test(post.relative) ? htmlToMarkdown(converted.text) : converted.text;
  const linked = linkPosts(markdown, post.absolute, context.oldUrl, context.links);
  for (const { link, target, exists, offset } of linked.kept) report.linkKept(lineAt(offset, markdown), { link, target, exists }, post.shown);
  markdown = linked.text;

  const assets = new ArticleAssets();
  const images = localizeImages(markdown, post.absolute, context.folders, assets, context.oldUrl);
  // Converting template code keeps the lines, so lines of the converted text are the file's.
  for (const { url, offset, reason, shownFrom, asText } of images.missing) {
    report.imageMissing(lineAt(offset, markdown), { url, ...(reason === 'unsupported' ? { unsupported: true } : reason === 'not-web' ? { notWeb: true } : {}), ...(shownFrom ? { shownFrom } : {}), ...(asText ? { asText } : {}) }, post.shown);
  }
  markdown = images.text;

  const cover = data.cover as { image?: unknown; alt?: unknown } | string | undefined;
  const imageRef = str(data.image) ?? str(typeof cover === 'object' ? cover?.image : cover) ?? str(data.featured_image) ?? str(data.feature_image) ?? list(data.images)[0] ?? str((data.extra as { image?: unknown } | undefined)?.image);
  let image: string | undefined;
  if (imageRef) {
    const file = findImage(imageRef, post.absolute, context.folders);
    if (file) image = assets.add(file);
    else if (/^https?:\/\//.test(imageRef)) image = imageRef;
    else report.imageMissing(post.locate(['image']), { url: imageRef }, post.shown);
  }

  const categories = [...(place.categories.length > 0 ? place.categories : list(data.categories ?? data.category, generator === 'jekyll')), ...list(taxonomies.categories)];
  const tags = [...list(data.tags, generator === 'jekyll'), ...list(taxonomies.tags)].filter((tag) => !(generator === 'eleventy' && /^(posts?|all)$/i.test(tag)));
  const [topic, ...otherCategories] = uniqueNames(categories);
  const redirects = postAliases(post, generator, context.oldUrl);
  return {
    sourceId: `${generator}:${post.relative}`,
    origin: { file: post.shown, ...at },
    title,
    date,
    updated: [data.lastmod, data.updated, data.last_modified_at, data.modified].map((value) => (str(value) ? importedDateText(str(value)!) : undefined)).find(Boolean),
    slug: place.slug ?? place.fileSlug,
    topic,
    tags: uniqueNames([...otherCategories, ...tags]),
    authors: uniqueNames([...list(data.author), ...list(data.authors), ...list((data.extra as { author?: unknown } | undefined)?.author)]),
    summary: str(data.description) ?? str(data.summary) ?? str(data.excerpt),
    draft: data.draft === true || data.published === false || post.relative.split('/').includes('_drafts') || undefined,
    image,
    imageAlt: image ? (str(typeof cover === 'object' ? cover?.alt : undefined) ?? str(data.imageAlt) ?? str(data.image_alt) ?? title) : undefined,
    aliases: [...(context.oldUrl ? [context.oldUrl] : []), ...redirects].filter((alias): alias is string => alias !== undefined),
    body: markdown,
    assets: assets.assets,
  };
}

/** The old URLs a post's front-matter names besides its own (aliases, redirect_from), as site paths. */
export function postAliases(post: PostFile, generator: PostPlace['generator'], own: string | undefined): Array<string | undefined> {
  const taxonomies = (post.data.taxonomies ?? {}) as Record<string, unknown>;
  // Hugo's relative aliases are relative to the folder of the post's own URL; Zola writes every
  // alias from the site's root (its render_alias), "releases/1.94.1" too.
  const folder = generator === 'zola' || !own ? '/' : own.replace(/[^/]*\/?$/, '');
  return [...list(post.data.aliases), ...list(post.data.redirect_from), ...list(taxonomies.aliases)].map((alias) => absoluteAlias(alias, folder));
}

/** An alias as a site path, a relative one taken from `folder`. */
function absoluteAlias(alias: string, folder: string): string | undefined {
  if (/^https?:\/\//.test(alias)) return URL.canParse(alias) ? new URL(alias).pathname + new URL(alias).search : undefined;
  if (alias.startsWith('/')) return alias;
  return path.posix.normalize(`${folder}${alias}`);
}

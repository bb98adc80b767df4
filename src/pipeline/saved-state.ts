// The site state a build leaves in the cache (.cache/state.json), so that the next build, when
// only articles changed, takes the incremental path (pipeline/update.ts) instead of planning and
// fingerprinting every page again: the articles read (by content path and cache key), the model's
// order, what it left out and its related lists (as positions), each page group's pages, the
// files of the other outputs, what each article shows of its images, and the build's warnings.
//
// It is trusted only for the inputs it was made from (its identity): Broadsheet's code, the
// config, every template and theme file, the static folder's files, the authors file and the
// publishing flags. A multilingual site saves none: its translations reach across languages, and
// each of its builds is a whole one (fingerprints still spare the unchanged pages). Anything else
// changed, a key the cache lacks, or a photo changed since: the build is a full one. Files are
// compared by their bytes, not their times, so a fresh checkout of the same sources (a CI run,
// with the last output and cache restored) continues too. Written after each successful build
// and dev session, aside and renamed.

import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { isMultilingual, siteLanguages } from '../languages.js';
import { SiteImages, type ImageRecord } from '../images/site-images.js';
import { imageDeriving } from '../images/stage.js';
import { restoreSite } from '../model/site.js';
import type { Problem } from '../problems/index.js';
import type { ArticleMeta, AuthorProfiles, PageKind, PublishOptions, WrittenPage } from '../types/index.js';
import { codeIdentity } from '../version.js';
import { writeFileAtomic } from '../write/fs-helpers.js';
import { fileHash } from '../write/file-hash.js';
import { fingerprint } from '../write/fingerprint.js';
import { groupIds, groupKey } from '../pages/groups.js';
import { modifiedOf } from '../pages/views.js';
import { linkersOf } from './linkers.js';
import { globalsPrintOf, type SiteState, type SiteStores } from './state.js';
import { saveStaticStamps, staticPrint } from './static-stamps.js';

const STATE_FILE = 'state.json';
const STATE_FORMAT = 4;
/**
 * In the saved order of page groups, the run of the published articles' own groups. Each is one
 * page made from its article alone (pages/article.ts): the groups are not saved but made again
 * from the articles on restore, which at 100,000 articles takes 18 MB of 29 off the file.
 */
const ARTICLE_GROUPS = '*articles*';

interface SavedFile {
  format: number;
  identity: string;
  /** Every article read, in content-path order: its cache key (its metadata, content path included, is the cache's). */
  articles: string[];
  /** The published articles, newest first, and the left-out ones: indexes into `articles`. */
  published: number[];
  leftOut: { drafts: number[]; scheduled: number[]; expired: number[] };
  /** Each published article's related list: positions in `published`. */
  related: number[][];
  pages: { order: string[]; byGroup: Record<string, Array<[url: string, lastModified: string | null, kind: PageKind]>> };
  sitemapFiles: string[];
  otherFiles: string[];
  /** Each article's image uses (article-images.ts): what its images are made from again when asked for. */
  images: Array<[contentPath: string, record: ImageRecord]>;
  /** Warnings of the stages after collecting (images, links, static files): the next build reports them again. */
  laterWarnings: Problem[];
}

/** A saved state made whole again. */
export interface RestoredState {
  state: SiteState;
}

/**
 * What a saved state was made from: Broadsheet's code, the config, the templates and theme files,
 * the static folder's files (their bytes), the authors file's profiles and the publishing flags.
 * Undefined when the static folder has problems (a link out of the site, a name that is not
 * UTF-8): only a whole build reports them.
 */
export function stateIdentity(config: SiteConfig, input: { templates: string; profiles: AuthorProfiles; publish: PublishOptions }): string | undefined {
  // A multilingual site is built whole each time (its translations reach across languages).
  if (isMultilingual(config)) return undefined;
  const { drafts, future, expired } = input.publish;
  const listing = staticPrint(config);
  return listing && fingerprint(codeIdentity(), config, input.templates, [...input.profiles], { drafts, future, expired }, listing);
}

/** Save `state` for the next build; `identity` from stateIdentity. */
export function saveSiteState(state: SiteState, identity: string | undefined): void {
  if (identity === undefined) {
    dropSiteState(state.config);
    return;
  }
  const { site } = state;
  const metas = [...state.metas.values()].sort((a, b) => (a.contentPath < b.contentPath ? -1 : 1));
  const position = new Map(metas.map((meta, i) => [meta, i]));
  const indexes = (list: readonly ArticleMeta[]) => list.map((meta) => position.get(meta)!);
  const published = new Map(site.articles.map((meta, i) => [meta, i]));
  // The article groups restore makes again (articlePageOf) are not saved; one whose page differs is.
  const articleKeys = site.articles.map(articleKey);
  const remade = new Set(articleKeys.filter((key, i) => isArticlePage(state.pages.byGroup.get(key), site.articles[i]!)));
  const byGroup: SavedFile['pages']['byGroup'] = {};
  for (const key of state.pages.order) {
    if (remade.has(key)) continue;
    byGroup[key] = (state.pages.byGroup.get(key) ?? []).map((page) => [page.url, page.lastModified ?? null, page.kind]);
  }
  const saved: SavedFile = {
    format: STATE_FORMAT,
    identity,
    articles: metas.map((meta) => meta.key),
    published: indexes(site.articles),
    leftOut: { drafts: indexes(site.leftOut.drafts), scheduled: indexes(site.leftOut.scheduled), expired: indexes(site.leftOut.expired) },
    related: site.related.lists.map((list) => list.map((meta) => published.get(meta)!)),
    pages: { order: withArticleRun(state.pages.order, articleKeys), byGroup },
    sitemapFiles: [...state.sitemapFiles],
    otherFiles: [...state.otherFiles].sort(),
    images: state.images.entries(),
    laterWarnings: state.laterWarnings,
  };
  writeFileAtomic(path.join(state.config.cachePath, STATE_FILE), JSON.stringify(saved));
  saveStaticStamps(state.config);
}

/** Is there a saved state a build with `identity` might continue from (a look at the file only)? */
export function hasSavedState(config: Pick<SiteConfig, 'cachePath'>, identity: string | undefined): boolean {
  return identity !== undefined && existsSync(path.join(config.cachePath, STATE_FILE));
}

/** Forget the saved state: the output no longer matches it (a build that fails after writing, say). */
export function dropSiteState(config: Pick<SiteConfig, 'cachePath'>): void {
  rmSync(path.join(config.cachePath, STATE_FILE), { force: true });
}

/**
 * The state the last build saved, if it was made from `identity` and every article and photo it
 * names is still as it was; else undefined (the build is a full one). Its articles are the cache's
 * own objects, so unchanged files collected later are the very same ones.
 */
export function restoreSiteState(stores: SiteStores, identity: string | undefined, profiles: AuthorProfiles): RestoredState | undefined {
  if (identity === undefined) return undefined;
  let saved: SavedFile;
  try {
    saved = JSON.parse(readFileSync(path.join(stores.config.cachePath, STATE_FILE), 'utf8')) as SavedFile;
  } catch {
    return undefined;
  }
  if (saved.format !== STATE_FORMAT || saved.identity !== identity) return undefined;
  const metas: ArticleMeta[] = [];
  for (const key of saved.articles) {
    const meta = stores.cache.recall(key)?.meta;
    if (!meta) return undefined;
    metas.push(meta);
  }
  const pick = (indexes: readonly number[]) => indexes.map((i) => metas[i]!);
  const published = pick(saved.published);
  const leftOut = { drafts: pick(saved.leftOut.drafts), scheduled: pick(saved.leftOut.scheduled), expired: pick(saved.leftOut.expired) };
  const lists = saved.related.map((list) => list.map((at) => published[at]!));
  // A saved state is only ever of a one-language site (stateIdentity): its one language.
  const site = restoreSite({ articles: published, leftOut, related: { options: stores.config.related, lists }, language: siteLanguages(stores.config)[0]! }, profiles);
  const images = new SiteImages(new Map(saved.images), imageDeriving(stores.config, stores.imageStore));
  if (photosChanged(images, stores)) return undefined;
  const byGroup = new Map<string, WrittenPage[]>();
  const articleKeys = published.map(articleKey);
  for (const [i, article] of published.entries()) byGroup.set(articleKeys[i]!, [articlePageOf(article)]);
  for (const key in saved.pages.byGroup) {
    byGroup.set(key, saved.pages.byGroup[key]!.map(([url, lastModified, kind]) => (lastModified === null ? { url, kind } : { url, lastModified, kind })));
  }
  const order = saved.pages.order.flatMap((key) => (key === ARTICLE_GROUPS ? articleKeys : [key]));
  const state: SiteState = {
    ...stores,
    site,
    metas: new Map(metas.map((meta) => [meta.contentPath, meta])),
    images,
    pages: { order, byGroup },
    sitemapFiles: saved.sitemapFiles,
    otherFiles: new Set(saved.otherFiles),
    linkers: linkersOf(metas),
    globalsPrint: globalsPrintOf(site, stores.config),
    laterWarnings: saved.laterWarnings,
  };
  return { state };
}

/**
 * Each article's group key, made once per article: the key restore gives its group is the very
 * string save looks the group up by, its hash already computed (made anew, the 100,000 lookups of
 * a save took 0.1 s).
 */
const groupKeys = new WeakMap<ArticleMeta, string>();

function articleKey(article: ArticleMeta): string {
  let key = groupKeys.get(article);
  if (key === undefined) groupKeys.set(article, (key = groupKey(groupIds.article(article))));
  return key;
}

/** An article group's one page, as pages/article.ts plans it. */
function articlePageOf(article: ArticleMeta): WrittenPage {
  return { url: article.url, lastModified: modifiedOf(article), kind: 'article' };
}

/** Are `pages` (an article's group's) the one page restore makes again for `article` (articlePageOf)? */
function isArticlePage(pages: readonly WrittenPage[] | undefined, article: ArticleMeta): boolean {
  const page = pages?.length === 1 ? pages[0]! : undefined;
  return page?.kind === 'article' && page.url === article.url && page.lastModified === modifiedOf(article) && page.alternates === undefined;
}

/**
 * `order` with the run of the article groups `keys` (the published articles', in their order, as
 * pageGroups lists them) as one ARTICLE_GROUPS marker; as it is when no such run is there.
 */
function withArticleRun(order: readonly string[], keys: readonly string[]): string[] {
  const start = keys.length > 0 ? order.indexOf(keys[0]!) : -1;
  if (start === -1 || !keys.every((key, i) => order[start + i] === key)) return [...order];
  return [...order.slice(0, start), ARTICLE_GROUPS, ...order.slice(start + keys.length)];
}

/**
 * Has any photo the site shows changed since its images were made? A look at each file's size and
 * time against the image store's stamp; a file whose stamp differs (a fresh checkout gives every
 * file a new time) is read, and counts as unchanged when its bytes hash as they did then: stamped
 * again, so the next build only looks.
 */
function photosChanged(images: SiteImages, stores: Pick<SiteStores, 'imageStore'>): boolean {
  const { imageStore } = stores;
  // A photo's real path and its path as written are most often one file: looked at once.
  const seen = new Set<string>();
  for (const [source, hash] of images.sources()) {
    if (seen.has(source)) continue;
    seen.add(source);
    const info = statSync(source, { throwIfNoEntry: false });
    if (!info) return true;
    const stamped = imageStore.stampedHash(source, info.size, info.mtimeMs);
    if (stamped !== undefined ? stamped !== hash : fileHash(source, 'sha256') !== hash) return true;
    imageStore.stamp(source, info.size, info.mtimeMs, hash);
  }
  return false;
}

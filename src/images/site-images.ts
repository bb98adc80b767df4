// What the image stage answers about a site: for each article, what its page and feed entries show,
// its teaser (list pages that show photos) and which output files those need; which articles show
// a given image file (the dev server re-processes a changed photo and renders only their pages);
// and every file to write. An update replaces the answers of the articles it read again
// (withArticles), keeping the rest, and learns which variant files no article shows any more.
//
// Each article's answers are made from its record (article-images.ts) when first asked for, and
// kept: a build that continues from a saved state makes them only for the few articles whose
// pages or feeds it writes, whatever the number of photos the site has.

import path from 'node:path';
import type { ArticleMeta, ImageFile, PageImages } from '../types/index.js';
import { articleFiles, articleImages, isLocal, sourcesOf, type ArticleImages, type FeedImages, type ImageDeriving, type ImageRecord, type OutputImage } from './article-images.js';

export type { ArticleImages, FeedImages, ImageRecord, OutputImage } from './article-images.js';

/** The image stage's answers (see the top of this file). */
export class SiteImages {
  /** Each article's answers, made from its record on first use. */
  private readonly made = new Map<string, ArticleImages>();

  /** `records` by content path; `deriving` makes answers of them (undefined only without records). */
  constructor(
    private readonly records: ReadonlyMap<string, ImageRecord>,
    private readonly deriving: ImageDeriving | undefined,
  ) {}

  /** An article's answers, by content path: a dev update's patched site holds new objects for the same articles. */
  private of(contentPath: string): ArticleImages | undefined {
    let images = this.made.get(contentPath);
    if (!images) {
      const record = this.records.get(contentPath);
      if (!record) return undefined;
      images = articleImages(record, this.deriving!);
      this.made.set(contentPath, images);
    }
    return images;
  }

  /** What an article's page shows; undefined for an article without images. */
  pageOf(article: Pick<ArticleMeta, 'contentPath'>): PageImages | undefined {
    return this.of(article.contentPath)?.page;
  }

  /** An article's teaser set (see ArticleImages.teaser); undefined without a local lead image. */
  teaserOf(article: Pick<ArticleMeta, 'contentPath'>): ImageFile[] | undefined {
    return this.of(article.contentPath)?.teaser;
  }

  /** What an article's feed entries show; undefined without images. */
  feedOf(article: Pick<ArticleMeta, 'contentPath'>): FeedImages | undefined {
    return this.of(article.contentPath)?.feed;
  }

  /** Every variant file the site's pages and feeds use, sorted by path (made on each call). */
  get files(): OutputImage[] {
    return this.filesOf(this.records.keys());
  }

  /** The variant files the articles at `contentPaths` use, sorted by path (made on each call, not kept). */
  filesOf(contentPaths: Iterable<string>): OutputImage[] {
    const byFile = new Map<string, OutputImage>();
    for (const contentPath of contentPaths) {
      const record = this.records.get(contentPath);
      if (record) for (const file of articleFiles(record, this.deriving!)) byFile.set(file.file, file);
    }
    return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
  }

  /** Each article's record, by content path (plain data: a saved site state holds them). */
  entries(): Array<[string, ImageRecord]> {
    return [...this.records];
  }

  /**
   * Every image file the site shows (absolute paths, real and as written; a file may come more
   * than once), with the sha256 of the bytes its images were made from.
   */
  *sources(): Generator<[file: string, hash: string]> {
    for (const record of this.records.values()) yield* sourcesOf(record, this.deriving!.root);
  }

  /** Content paths of the articles showing the image file at `file` (an absolute path). */
  showing(file: string): string[] {
    const wanted = path.resolve(file);
    return [...this.records].filter(([, record]) => sourcesOf(record, this.deriving!.root).some(([source]) => source === wanted)).map(([contentPath]) => contentPath);
  }

  /** These answers with those of the articles at `replaced` (content paths) taken from `update` (absent there: no images). */
  withArticles(update: SiteImages, replaced: Iterable<string>): SiteImages {
    const records = new Map(this.records);
    for (const contentPath of replaced) {
      const record = update.records.get(contentPath);
      if (record) records.set(contentPath, record);
      else records.delete(contentPath);
    }
    const images = new SiteImages(records, update.deriving ?? this.deriving);
    // The answers already made of the articles kept stay made.
    for (const [contentPath, made] of this.made) if (records.get(contentPath) === this.records.get(contentPath)) images.made.set(contentPath, made);
    return images;
  }

  /**
   * The variant files the articles at `replaced` used here that no article uses in `after` (these
   * answers with theirs replaced, withArticles): what an update deletes. An article that kept its
   * photos keeps their files; one that shares a photo with another leaves its files to that one.
   */
  filesDropped(after: SiteImages, replaced: ReadonlySet<string>): string[] {
    const before = this.filesOf(replaced);
    if (before.length === 0) return [];
    const photos = new Set<string>();
    for (const contentPath of replaced) for (const use of this.records.get(contentPath)?.uses ?? []) if (isLocal(use)) photos.add(use.real);
    // The articles that show one of those photos now: the replaced ones, and any sharing a photo with them.
    const showing = [...after.records].filter(([contentPath, record]) => replaced.has(contentPath) || record.uses.some((use) => isLocal(use) && photos.has(use.real)));
    const kept = new Set(after.filesOf(showing.map(([contentPath]) => contentPath)).map((file) => file.file));
    return before.map((file) => file.file).filter((file) => !kept.has(file));
  }
}

/** No images: for an update or a check that has none. */
export const NO_IMAGES = new SiteImages(new Map(), undefined);

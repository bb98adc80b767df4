// What the image stage answers about a site: for each article, what its page and feed entries show,
// its teaser (list pages that show photos) and which output files those need; which articles show a given image file (the dev server
// re-processes a changed photo and renders only their pages); and every file to write. A dev
// update replaces the answers of the articles it read again (withArticles), keeping the rest.

import path from 'node:path';
import type { ArticleMeta, ImageFile, PageImages } from '../types/index.js';

/** A variant file of the output, and where its bytes are in the store. */
export interface OutputImage {
  file: string;
  key: string;
  stored: string;
}

/** What a feed entry shows of an article's images. */
export interface FeedImages {
  /** The lead image's default variant: the enclosure. */
  image?: ImageFile;
  /** Plain sized <img> markup for each body image (feed readers ignore <picture>). */
  body: Array<string | null>;
}

/** One article's images: what its page and feed entries show, and the output files they need. */
export interface ArticleImages {
  page: PageImages;
  /** A local lead image's 16:9 teaser set (every format and width), for list pages that show photos. */
  teaser?: ImageFile[];
  feed: FeedImages;
  files: OutputImage[];
  /** The image files it shows (absolute paths, as written and real). */
  sources: string[];
}

/** The image stage's answers (see the top of this file). */
export class SiteImages {
  /** Every output file, by its path: made once, on first use. */
  private outputFiles: OutputImage[] | undefined;

  constructor(private readonly articles: ReadonlyMap<string, ArticleImages>) {}

  /** What an article's page shows; undefined for an article without images. By content path: a dev update's patched site holds new objects for the same articles. */
  pageOf(article: Pick<ArticleMeta, 'contentPath'>): PageImages | undefined {
    return this.articles.get(article.contentPath)?.page;
  }

  /** An article's teaser set (see ArticleImages.teaser); undefined without a local lead image. */
  teaserOf(article: Pick<ArticleMeta, 'contentPath'>): ImageFile[] | undefined {
    return this.articles.get(article.contentPath)?.teaser;
  }

  /** What an article's feed entries show; undefined without images. */
  feedOf(article: Pick<ArticleMeta, 'contentPath'>): FeedImages | undefined {
    return this.articles.get(article.contentPath)?.feed;
  }

  /** Every variant file the site's pages and feeds use, sorted by path. */
  get files(): OutputImage[] {
    if (!this.outputFiles) {
      const byFile = new Map<string, OutputImage>();
      for (const images of this.articles.values()) for (const file of images.files) byFile.set(file.file, file);
      this.outputFiles = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
    }
    return this.outputFiles;
  }

  /** Each article's images, by content path (plain data: a saved site state holds them). */
  entries(): Array<[string, ArticleImages]> {
    return [...this.articles];
  }

  /** Content paths of the articles showing the image file at `file` (an absolute path). */
  showing(file: string): string[] {
    const wanted = path.resolve(file);
    return [...this.articles].filter(([, images]) => images.sources.includes(wanted)).map(([contentPath]) => contentPath);
  }

  /** These answers with those of the articles at `replaced` (content paths) taken from `update` (absent there: no images). */
  withArticles(update: SiteImages, replaced: Iterable<string>): SiteImages {
    const articles = new Map(this.articles);
    for (const contentPath of replaced) {
      const images = update.articles.get(contentPath);
      if (images) articles.set(contentPath, images);
      else articles.delete(contentPath);
    }
    return new SiteImages(articles);
  }
}

/** No images: for an update or a check that has none. */
export const NO_IMAGES = new SiteImages(new Map());

// What an article's images are as plain data crossing stages: a body image as written (render ->
// images), a focal point (load -> images), and what a page shows of its images (images -> pages,
// page workers, fingerprints). Re-exported by types.ts; this module imports nothing.

/** A focal point: fractions of an image's width (x, from the left) and height (y, from the top). */
export interface ImageFocus {
  x: number;
  y: number;
}

/** An image in an article body (`![alt](src "title")` or raw `<img>`), as written, at its file line and column. */
export interface BodyImageRef {
  src: string;
  alt: string;
  line: number;
  column: number;
}

/** One image file of the output: its site path (before the base path), pixel size, MIME type and bytes. */
export interface ImageFile {
  url: string;
  width: number;
  height: number;
  type: string;
  bytes: number;
}

/**
 * What an article page shows of its images, made by src/images/ once the sources are processed:
 * plain data, so it travels to page workers, and part of the page's fingerprint.
 */
export interface PageImages {
  /** The lead image as ready-made markup (<picture>, or <img> for a remote image); absent without one. */
  lead?: string;
  /** Markup for each body image, by its index in ArticleMeta.images; null: left as written (remote). */
  body: Array<string | null>;
  /** og:image and twitter:image: the 1,200 × 630 crop of a local lead image. */
  social?: ImageFile;
  /** NewsArticle `image`: the 16:9, 4:3 and 1:1 crops of a local lead image. */
  crops: ImageFile[];
}


// An article as the stages pass it on: its metadata (load/render -> model -> pages), its authors,
// corrections and links, and what its images are as plain data (render -> images -> pages, page
// workers, fingerprints). Types and one type guard only.

import type { SiteDate } from '../dates.js';

/** The parts of the config an article's rendering depends on (and so its cache key). */
export interface ArticleSettings {
  timeZone: string;
  language: string;
  defaultTopic: string;
  summaryLength: number;
  /** Site-path links in bodies are put under it. */
  basePath: string;
  /** Tags an article keeps (the first ones); more is a warning. */
  tagLimit: number;
  /** A multilingual site's language codes, the default (`language`) first; undefined on a one-language site. */
  languages?: readonly string[];
}

/** A topic or tag as written in front-matter, with its URL slug. */
export interface Term {
  name: string;
  slug: string;
}

/** Everything about an article except its body: what the site model and list pages hold. */
export interface ArticleMeta {
  /** Cache key of the source (render/cache.ts): equal keys, equal metadata and body. '' when not computed. */
  key: string;
  /** Path shown to the user, relative to the site root. */
  file: string;
  /** Path inside the content folder, which relative links between articles use. */
  contentPath: string;
  title: string;
  slug: string;
  /** Site path of the article page, before the base path: /2025/12/18/slug/ */
  url: string;
  date: SiteDate;
  updated?: SiteDate;
  expires?: SiteDate;
  topic: Term;
  tags: Term[];
  summary: string;
  source?: string;
  /** The `author` names, with their author pages' slugs; two names with one slug are one author. */
  authors: Term[];
  draft: boolean;
  /** The front-matter `image`, as written: a path relative to the article file, a site path or a URL. */
  image?: string;
  imageAlt?: string;
  /** Line and column of the `image` field's value, for image problems. */
  imageLine?: number;
  imageColumn?: number;
  imageCaption?: string;
  imageCredit?: string;
  /**
   * The file and the `image` value the lead image is written in, when that is not this article (a
   * translation's photo, taken from its original: model/translations.ts): its problems are that
   * file's, reported there once. Never cached: only the model sets it.
   */
  imageFrom?: { file: string; image: string };
  /** Where crops of the lead image centre, as fractions of its width and height (default the middle). */
  imageFocus?: ImageFocus;
  /** Images in the body, in order; the body HTML holds a placeholder for each (images/placeholders.ts). */
  images: BodyImageRef[];
  /** Corrections to the article, in the order written: shown atop it and in its JSON-LD. */
  corrections: Correction[];
  /** Its language: on a multilingual site, from its first folder under content/ when that is a language's code, else `lang`, else the default. */
  lang: string;
  /**
   * What links it to its translations (multilingual sites): front-matter `translationKey`, else its
   * path after the language folder ("2025/12/x.md"). Undefined on a one-language site.
   */
  translationKey?: string;
  /** Where front-matter `translationKey` is written; undefined when the key is the file's path. */
  translationKeyAt?: { line: number; column: number };
  /**
   * Fields the file left out (multilingual sites): a translation takes them from its original in
   * the default language, and a topic no original gives is the default topic in the article's
   * language (model/translations.ts fills them in). Until then `date` and the rest hold placeholders.
   */
  inherits?: Array<'date' | 'topic' | 'tags' | 'authors' | 'image'>;
  /**
   * A translation's: a fingerprint of what it took from its original and its language's term
   * names (model/translations.ts). Its `key` is its file's alone, so the two together say what it
   * is (articleIdentity): an original's new date changes its translations' pages too.
   */
  derived?: string;
  /** Old URLs (front-matter `aliases`, site paths, some with a query), and the field's line: each answered with a redirect. */
  aliases: string[];
  aliasesLine?: number;
  /** Front-matter fields Broadsheet does not know, passed to templates as `article.extra`. */
  extra: Record<string, unknown>;
  /** Line of the field that decided the URL (slug, else title), for duplicate-URL errors. */
  urlLine: number;
  /** File line where the Markdown body starts. */
  bodyLine: number;
  /** Links from the body to the site, with file lines, for checking once every page is known. */
  links: SiteLink[];
}

/**
 * An author: a name from front-matter `author`, with what the site's authors file
 * (content/authors.yaml, load/authors.ts) says of them. Plain data.
 */
export interface Author {
  /** As the authors file spells it, else as the articles do. */
  name: string;
  /** Of the author page: /authors/<slug>/. */
  slug: string;
  bio?: string;
  /** Site path or absolute URL of a portrait. */
  photo?: string;
  /** The author's own website. */
  url?: string;
  /** Profile pages elsewhere (social networks, a staff page): schema.org sameAs. */
  sameAs: string[];
}

/** What the authors file says, by author slug; empty when the site has none. */
export type AuthorProfiles = ReadonlyMap<string, Author>;

/** A correction to an article (front-matter `corrections`): when it was made and what it says. */
export interface Correction {
  date: SiteDate;
  /** Plain text, as written. */
  text: string;
}

/**
 * What an article is made of, for fingerprints of what shows it: its key (its file and the
 * settings it was read with), and for a translation what it took from elsewhere.
 */
export function articleIdentity(meta: ArticleMeta): string {
  return meta.derived === undefined ? meta.key : `${meta.key}:${meta.derived}`;
}

/** Is a value (in page data, say) an article's metadata? */
export function isArticleMeta(value: unknown): value is ArticleMeta {
  return typeof value === 'object' && value !== null && typeof (value as ArticleMeta).key === 'string' && 'contentPath' in value && 'bodyLine' in value;
}

/** A link from an article body to the site: a site path, or another article's file. */
export interface SiteLink {
  kind: 'path' | 'article';
  /** Site path (before the base path) or content path of the target article file. */
  target: string;
  /** Position in the Markdown body (1-based; the body's first line is 1). */
  line: number;
  column: number;
}

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

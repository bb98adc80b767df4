// What a page tells crawlers, social networks and feed readers about itself: Open Graph and
// Twitter card tags, schema.org JSON-LD (NewsArticle for articles, its authors as Persons;
// ProfilePage on an author's page; BreadcrumbList where a page has a trail; WebSite on the home
// page) and the feeds it links. Pure: PageSpec and config in, plain data out; templates only print it.

import type { SiteConfig } from '../config.js';
import { feedLinks } from './feeds/plan.js';
import { modifiedOf } from './views.js';
import { escapeMarkup } from '../escape.js';
import { absoluteUrl, authorUrl, homeUrl, withBasePath } from '../urls.js';
import type { ArticleMeta, Author } from '../types/index.js';
import type { PageSpec } from '../types/index.js';

/**
 * What pageMetadata returns: the tags as data, and the same ready to print in `html`. Tag and
 * JSON-LD URLs are absolute.
 */
export interface PageMetadata {
  openGraph: Array<{ property: string; content: string }>;
  twitter: Array<{ name: string; content: string }>;
  /** schema.org objects, each printed in its own <script type="application/ld+json">. */
  jsonLd: object[];
  /** <link rel="alternate"> feeds: site paths. */
  feeds: Array<{ url: string; type: string; title: string }>;
  /**
   * All of the above as ready-made elements, escaped, for the default theme to print raw. Built
   * here rather than in Liquid: the loops cost ~140 µs a page there, a third of a simple page.
   */
  html: string;
}

/**
 * A page's metadata. Pure. Description: the page's, else the site's, else the site title; image:
 * the article's, else config.socialImage. WebSite JSON-LD only on the home's first page; feeds: the site's,
 * plus the page's own.
 */
export function pageMetadata(spec: PageSpec, config: SiteConfig): PageMetadata {
  const canonical = absoluteUrl(config.baseUrl, spec.url);
  const article = spec.article;
  // A processed lead image is shown by its 1,200 × 630 crop; a remote one as written.
  const social = spec.images?.social;
  const image = social?.url ?? article?.image ?? config.socialImage;
  const imageUrl = image ? absoluteUrl(config.baseUrl, image) : undefined;
  const description = spec.description || config.description || config.title;

  const openGraph: PageMetadata['openGraph'] = [
    { property: 'og:site_name', content: config.title },
    { property: 'og:type', content: article ? 'article' : 'website' },
    { property: 'og:title', content: spec.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: canonical },
  ];
  if (imageUrl) {
    openGraph.push({ property: 'og:image', content: imageUrl });
    if (social) {
      openGraph.push(
        { property: 'og:image:type', content: social.type },
        { property: 'og:image:width', content: String(social.width) },
        { property: 'og:image:height', content: String(social.height) },
      );
    }
    if (article?.imageAlt) openGraph.push({ property: 'og:image:alt', content: article.imageAlt });
  }
  if (article) {
    openGraph.push(
      { property: 'article:published_time', content: article.date.iso },
      { property: 'article:modified_time', content: modifiedOf(article) },
      { property: 'article:section', content: article.topic.name },
      ...article.tags.map((tag) => ({ property: 'article:tag', content: tag.name })),
    );
  }

  const twitter: PageMetadata['twitter'] = [
    { name: 'twitter:card', content: imageUrl ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: spec.title },
    { name: 'twitter:description', content: description },
  ];
  if (imageUrl) twitter.push({ name: 'twitter:image', content: imageUrl });
  if (imageUrl && article?.imageAlt) twitter.push({ name: 'twitter:image:alt', content: article.imageAlt });
  if (config.twitterSite) twitter.push({ name: 'twitter:site', content: config.twitterSite });

  const jsonLd: object[] = [];
  if (article) jsonLd.push(newsArticle(article, spec.authors, canonical, articleImages(spec, imageUrl, config), config));
  const person = spec.kind === 'author' && spec.pagination?.first !== false ? spec.authors?.[0] : undefined;
  if (person) jsonLd.push({ '@context': 'https://schema.org', '@type': 'ProfilePage', url: canonical, mainEntity: personOf(person, config, true) });
  if (spec.kind === 'home' && spec.pagination?.first !== false) {
    jsonLd.push({ '@context': 'https://schema.org', '@type': 'WebSite', name: config.title, url: absoluteUrl(config.baseUrl, homeUrl(config.urlPrefix)), inLanguage: config.language });
  }
  if (spec.breadcrumbs.length > 0) {
    const trail = [...spec.breadcrumbs, { name: spec.title, url: spec.url }];
    jsonLd.push({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: trail.map((crumb, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        name: crumb.name,
        item: absoluteUrl(config.baseUrl, crumb.url),
      })),
    });
  }

  const feeds = feedLinks([{ listUrl: homeUrl(config.urlPrefix), title: config.title }, ...(spec.feed ? [spec.feed] : [])]);
  const html = [
    // Large previews in search and Discover, for pages with a processed lead image (others stay as they were).
    ...(social ? ['<meta name="robots" content="max-image-preview:large">'] : []),
    ...openGraph.map((tag) => `<meta property="${escapeMarkup(tag.property)}" content="${escapeMarkup(tag.content)}">`),
    ...twitter.map((tag) => `<meta name="${escapeMarkup(tag.name)}" content="${escapeMarkup(tag.content)}">`),
    ...feeds.map(
      (feed) =>
        `<link rel="alternate" type="${escapeMarkup(feed.type)}" title="${escapeMarkup(feed.title)}" href="${escapeMarkup(withBasePath(config.basePath, feed.url))}">`,
    ),
    ...jsonLd.map((data) => `<script type="application/ld+json">${jsonForScript(data)}</script>`),
  ].join('\n');
  return { openGraph, twitter, jsonLd, feeds, html };
}

/**
 * NewsArticle `image`: the three crops of a processed lead image (16:9, 4:3, 1:1) as ImageObjects
 * with the caption and credit; else the image's URL as written.
 */
function articleImages(spec: PageSpec, imageUrl: string | undefined, config: SiteConfig): Array<object | string> | undefined {
  const crops = spec.images?.crops ?? [];
  if (crops.length === 0) return imageUrl ? [imageUrl] : undefined;
  const article = spec.article;
  return crops.map((crop) => ({
    '@type': 'ImageObject',
    url: absoluteUrl(config.baseUrl, crop.url),
    width: crop.width,
    height: crop.height,
    encodingFormat: crop.type,
    ...(article?.imageCaption ? { caption: article.imageCaption } : {}),
    ...(article?.imageCredit ? { creditText: article.imageCredit } : {}),
  }));
}

function newsArticle(article: ArticleMeta, people: readonly Author[] | undefined, canonical: string, image: Array<object | string> | undefined, config: SiteConfig): object {
  const publisher = { '@type': 'Organization', name: config.publisher, url: config.baseUrl };
  // Named authors are people, with their author pages; an agency's copy is credited to the agency; else the publisher.
  const author =
    people && people.length > 0
      ? people.map((person) => personOf(person, config, false))
      : article.source
        ? [{ '@type': 'Organization', name: article.source }]
        : [publisher];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary || undefined,
    datePublished: article.date.iso,
    dateModified: modifiedOf(article),
    author,
    publisher,
    ...(image ? { image } : {}),
    articleSection: article.topic.name,
    keywords: article.tags.map((tag) => tag.name),
    inLanguage: article.lang,
    ...(article.corrections.length > 0
      ? { correction: article.corrections.map((correction) => ({ '@type': 'CorrectionComment', datePublished: correction.date.iso, text: correction.text })) }
      : {}),
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    isAccessibleForFree: true,
  };
}

/**
 * An author as a schema.org Person: their author page as `url` (absolute), their website and
 * profiles as `sameAs`; on their own page also their photo and bio.
 */
function personOf(author: Author, config: SiteConfig, full: boolean): object {
  const sameAs = [...new Set([...(author.url ? [author.url] : []), ...author.sameAs])];
  return {
    '@type': 'Person',
    name: author.name,
    url: absoluteUrl(config.baseUrl, authorUrl(author.slug, config.urlPrefix)),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(full && author.photo ? { image: absoluteUrl(config.baseUrl, author.photo) } : {}),
    ...(full && author.bio ? { description: author.bio } : {}),
  };
}

/**
 * JSON for a <script> element: `<`, `>`, `&` and the two JavaScript line separators escaped, so
 * no value (a title with "</script>") can end the element early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

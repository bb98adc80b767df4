// Every image the published articles show, found and resolved: the lead image (front-matter
// `image`) and each body image of each article, grouped by the file they lead to (one photo used by
// ten articles is read and processed once). Problems of the references themselves (missing, outside
// the site, remote, no alt text) are made here, each at the reference's place in its article.

import { problem, problemKey, type Problem, type Position } from '../problems/index.js';
import type { ArticleMeta, ImageFocus } from '../types/index.js';
import { resolveImage, type ResolveContext } from './resolve.js';

/** One place an image is shown: an article's lead image, or its body image number `index`. */
export interface ImageUse {
  article: ArticleMeta;
  /** 'lead', or the body image's index in article.images. */
  index: 'lead' | number;
  reference: string;
  alt: string;
  at: Position;
  focus?: ImageFocus;
}

/** A local image file and everywhere it is shown. */
export interface SourceUses {
  /** Real path. */
  real: string;
  /** Relative to the site root, as the user knows it. */
  shown: string;
  uses: ImageUse[];
}

/** The images of a set of articles: local files with their uses, remote ones, and the problems found. */
export interface References {
  sources: Map<string, SourceUses>;
  remote: Array<{ use: ImageUse; url: string }>;
  problems: Problem[];
}

/** Every image use of `articles`, in article order (lead first, then the body's). */
export function usesOf(articles: readonly ArticleMeta[]): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const article of articles) {
    if (article.image !== undefined) {
      const at = { line: article.imageLine ?? 1, column: article.imageColumn ?? 1 };
      uses.push({ article, index: 'lead', reference: article.image, alt: article.imageAlt ?? '', at, focus: article.imageFocus });
    }
    article.images.forEach((image, index) => uses.push({ article, index, reference: image.src, alt: image.alt, at: { line: image.line, column: image.column } }));
  }
  return uses;
}

/** Resolve every image use of `articles` (see the top of this file). */
export function collectReferences(articles: readonly ArticleMeta[], context: ResolveContext): References {
  const result: References = { sources: new Map(), remote: [], problems: [] };
  // A translation's photo is its original's reference: its problems are the original's, once.
  const reported = new Set<string>();
  const report = (found: Problem) => {
    const key = problemKey(found);
    if (!reported.has(key)) result.problems.push(found);
    reported.add(key);
  };
  for (const use of usesOf(articles)) {
    const lead = use.index === 'lead';
    const origin = lead ? use.article.imageFrom : undefined;
    const file = origin?.file ?? use.article.file;
    const reference = origin?.image ?? use.reference;
    const facts = { reference, lead };
    // The lead's alt text is required by the schema; a body image's is checked here.
    if (!lead && use.alt.trim() === '') report(problem('image-alt-missing', file, use.at, { reference }));
    const resolved = resolveImage(reference, file, context);
    switch (resolved.kind) {
      case 'remote':
        result.remote.push({ use, url: resolved.url });
        report(problem('image-remote', file, use.at, facts));
        break;
      case 'missing':
        report(problem('image-missing', file, use.at, { ...facts, tried: resolved.tried }));
        break;
      case 'outside':
        report(problem('image-outside-site', file, use.at, { ...facts, why: resolved.why }));
        break;
      case 'file': {
        let source = result.sources.get(resolved.real);
        if (!source) {
          source = { real: resolved.real, shown: resolved.shown, uses: [] };
          result.sources.set(resolved.real, source);
        }
        source.uses.push(use);
      }
    }
  }
  return result;
}

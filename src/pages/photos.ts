// Photos on pages that are not an article's own: a page that shows photos (PageSpec.showsPhotos,
// the home's front page) gets the teaser set of every article in its data, from the image stage.
// The sets become part of the page's spec, so of its fingerprint (a changed photo renders the page
// again) and of what a page worker receives; templates see each as `item.photo`.

import type { ImageFile, PageSpec } from '../types/index.js';
import { articlesIn } from './list.js';

/** The image stage's answer this module needs: an article's teaser set, if it has one. */
export interface TeaserSource {
  teaserOf(article: { contentPath: string }): ImageFile[] | undefined;
}

/** `spec` with the teasers of the articles it shows when it shows photos (see the top of this file); else `spec` itself. */
export function withPhotos(spec: PageSpec, images: TeaserSource): PageSpec {
  if (!spec.showsPhotos) return spec;
  const photos: Record<string, ImageFile[]> = {};
  for (const article of articlesIn(spec.data)) {
    const teaser = images.teaserOf(article);
    if (teaser) photos[article.contentPath] = teaser;
  }
  return { ...spec, photos };
}

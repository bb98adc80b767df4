// The dev server's update for changed photos: a saved image file that pages show is processed
// again (only it: the image cache holds every other variant), and only the pages of the articles
// showing it and the front page (which shows photos) are planned; the feeds go through their
// fingerprints, which see the new variants.
// Variant files no page shows any more are deleted, as a full build would leave them out.

import { buildTime } from '../dates.js';
import { prepareImages } from '../images/stage.js';
import { sortedIndexOf } from '../model/site.js';
import { GroupSet, groupIds } from '../pages/groups.js';
import { homeGroup } from '../pages/home.js';
import { pageGroupsIn, planningText } from '../pages/index.js';
import { stopOnErrors } from '../problems/index.js';
import type { ArticleMeta, PageSpec } from '../types/index.js';
import { DirectWriter } from '../write/direct-writer.js';
import { writeOutputs } from '../pipeline/outputs.js';
import { writeTransaction } from '../pipeline/transaction.js';
import { otherFilesOf } from '../pipeline/state.js';
import { noProgress } from '../report.js';
import type { DevOptions, DevState, UpdateResult } from './state.js';

/**
 * Process the images of the articles at `contentPaths` (content paths of the last good site) again
 * and write what changed: their pages, the feeds, the variants. Throws BuildFailure on an image
 * problem that stops the build (nothing is written then).
 */
export async function updateImages(state: DevState, contentPaths: readonly string[], options: DevOptions): Promise<UpdateResult> {
  const started = performance.now();
  const { good } = state;
  const { config } = good;
  const strict = options.strict ?? false;
  const now = options.now?.() ?? buildTime();
  const site = good.site;
  const articles = contentPaths.map((file) => good.metas.get(file)).filter((meta): meta is ArticleMeta => meta !== undefined && sortedIndexOf(site.articles, meta) !== -1);
  const prepared = await prepareImages(config, articles, good.imageStore);
  const warnings = stopOnErrors(prepared.problems, strict);
  const images = good.images.withArticles(prepared.images, contentPaths);

  const wanted = new GroupSet(articles.map((meta) => groupIds.article(meta)));
  const specs: PageSpec[] = [];
  for (const group of pageGroupsIn(site, config, good.templates.strings, wanted, (file) => {
    const meta = good.metas.get(file);
    return meta ? sortedIndexOf(site.articles, meta) : -1;
  })) specs.push(...group.pages());
  // The front page shows its articles' photos (pages/photos.ts): its first page is planned too, and
  // its fingerprint says whether the changed photo is on it.
  const [front] = homeGroup(site, config, planningText(config, good.templates.strings)).pages();
  if (front) specs.push(front);

  const writer = new DirectWriter(config.outPath);
  const { stats, value: outputs } = await writeTransaction({ ...good, index: good.metas, writer, now, images, progress: noProgress }, async (context) => {
    // No page came or went, and none changed its URL or date: the sitemaps stay as they are.
    const outputs = await writeOutputs(context, { pages: () => specs, sitemap: { keep: good.sitemapFiles }, images: () => prepared.images.files, files: false });
    warnings.push(...stopOnErrors(outputs.problems, strict));
    // Variant files no page shows any more go.
    return { removed: [...good.otherFiles, ...good.images.filesDropped(images, new Set(contentPaths))], value: outputs };
  });
  Object.assign(good, { images, ...otherFilesOf(outputs.files) });
  return { ok: true, mode: 'content', changed: stats.changed, pagesRendered: outputs.pages.rendered, warnings, milliseconds: performance.now() - started };
}

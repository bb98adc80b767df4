// The whole site made from the articles collected: the model, the images, then one transaction
// writing every page group and every other output, checking links before the commit. What a
// first build, a build after a config or template change, and `check` do; a build that only
// articles changed since takes the incremental path instead (warm-build.ts).

import { prepareImages } from '../images/stage.js';
import type { LoadedAuthors } from '../load/authors.js';
import { checkLinks, indexArticles, pathServedBy } from '../model/links.js';
import { allArticles, buildSites } from '../model/languages.js';
import { isMultilingual, siteLanguages } from '../languages.js';
import { loadTermNames } from '../load/terms.js';
import { pageGroups } from '../pages/index.js';
import { stopOnErrors, type Problem } from '../problems/index.js';
import type { Progress } from '../report.js';
import type { PublishOptions } from '../types/index.js';
import type { WorkerPool } from '../workers/pool.js';
import type { OutputWriter, WriteStats } from '../write/output-writer.js';
import type { CollectedArticles } from './collect.js';
import { writeOutputs, type OutputName, type WrittenOutputs } from './outputs.js';
import { recordingPlan, siteState, type PagePlan, type SiteState, type SiteStores } from './state.js';
import { writeTransaction } from './transaction.js';

/** How the whole site is written: when, what is published, where, and with what. */
export interface WholeRun {
  now: number;
  publish: PublishOptions;
  strict: boolean;
  writer: OutputWriter;
  pool: WorkerPool;
  progress: Progress;
  /** Called as each stage begins ('Site model', 'Rendering pages', ...): the build times them. */
  step: (name: string) => void;
}

/** What writing the whole site made. */
export interface WholeSite {
  state: SiteState;
  written: WriteStats;
  outputs: WrittenOutputs;
  images: { sources: number; processed: number };
}

/**
 * Make and write the whole site; throws BuildFailure on errors (nothing written). `earlier` are the
 * warnings found before (templates, articles, the authors file): errors among them stop the build
 * together with the model's and images', all reported at once.
 */
export async function writeWholeSite(stores: SiteStores, collected: CollectedArticles, authors: LoadedAuthors, earlier: readonly Problem[], run: WholeRun): Promise<WholeSite> {
  const { config } = stores;
  const { strict, writer, step } = run;
  step('Site model');
  const languages = siteLanguages(config);
  const terms = loadTermNames(config, languages.slice(1).map((language) => language.code));
  // The topic of an article that names none: unless the config names it, each language's own word.
  const defaultTopics = config.defaultTopic === undefined ? new Map(languages.map((language) => [language.code, stores.templates.strings.of(language.code).text('topic.default')])) : undefined;
  // Articles refused for their errors: their translations are not also told they have no original.
  const refused = new Set(collected.problems.filter((found) => found.severity === 'error').map((found) => found.file));
  const model = buildSites(collected.articles, { ...run.publish, authorProfiles: authors.profiles, related: config.related, languages, multilingual: isMultilingual(config), names: terms.names, defaultTopics, refused });
  const { site } = model;
  const modelProblems = [...terms.problems, ...model.problems];
  step('Images');
  const images = await prepareImages(config, allArticles(site), stores.imageStore);
  stopOnErrors([...earlier, ...modelProblems, ...images.problems], strict);
  const laterWarnings = [...modelProblems, ...images.problems];
  step('Writing the site');
  const pages: PagePlan = { byGroup: new Map(), order: [] };
  const input = { ...stores, site, index: indexArticles(model.articles), writer, now: run.now, progress: run.progress, pool: run.pool, images: images.images };
  const { stats: written, value: outputs } = await writeTransaction(input, async (context) => {
    const plan = recordingPlan(() => pageGroups(site, config, stores.templates.strings), pages);
    const outputs = await writeOutputs(context, { pages: plan, files: true, onOutput: (name: OutputName) => step(name === 'pages' ? 'Rendering pages' : `Writing ${name}`) });
    laterWarnings.push(...stopOnErrors(outputs.problems, strict));
    step('Checking links');
    const published = allArticles(site);
    const isPublished = new Set(published);
    laterWarnings.push(...stopOnErrors(checkLinks(published, context.index, (article) => isPublished.has(article), pathServedBy(writer.files)), strict));
    step('Committing the output');
    return { removed: undefined, value: outputs };
  });
  const state = siteState(stores, { site, articles: model.articles, images: images.images, pages, outputFiles: outputs.files, laterWarnings });
  return { state, written, outputs, images: { sources: images.sources, processed: images.processed } };
}

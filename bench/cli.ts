// `npm run bench -- --articles 10000 [--runs 3] [--work DIR] [--scenarios ...] [--photos N] [--hugo-site DIR] [--corpus DIR]`
// `npm run bench -- --images [--articles 20] [--work DIR]`: the image stage alone (images.ts).
// A developer's tool: not part of the package. Arguments are parsed here; the work is in measure.ts.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatAnchors, formatDev, formatPhases, formatScenarios } from './format.js';
import { formatImageBench, runImageBench } from './images.js';
import { checkTargets, formatTargets } from './targets.js';
import { countWithoutCgroups } from './timed.js';
import { compileLib, measureDev, runBench, runCompare, DEFAULT_HUGO_SITE, type ScenarioName } from './measure.js';

const SCENARIOS = ['cold', 'warm', 'edit10', 'add1', 'delete1', 'dev'];

const USAGE = `Usage: npm run bench -- [options]

  --articles N        articles in the synthetic corpus (default 1000)
  --runs R            builds per scenario; quote the medians (default 3)
  --work DIR          folder for the corpus, the site and Hugo's copy (default /tmp/broadsheet-bench-N)
  --scenarios LIST    some of ${SCENARIOS.join(',')} (default all)
                      add1: publish one article dated today into the built site, then a warm
                      build; reports the files changed in dist/ (sha256 manifests before and after)
  --photos N          give N articles of the corpus, spread evenly, a lead photo (default 0)
  --distinct-photos K make those N photos from K different pictures (default N): every article
                      with a photo file of its own, only K made and processed
  --corpus DIR        build this content folder instead of the generated corpus
  --hugo-site DIR     the Hugo site to pair each cold build with (default ${DEFAULT_HUGO_SITE});
                      Pagefind's CLI indexes its public/ after each build: the anchor for search
  --no-hugo           no Hugo or Pagefind builds
  --no-cgroup         count CPU and memory with GNU time even where cgroups are writable
  --compare SCRIPT    afterwards, run \`bash SCRIPT N R\` (a side-by-side script of your own)
  --targets           afterwards, check the run against the publish-cost targets: time ratios to
                      Hugo (reported met or missed) and invariants (exit status 1 when one fails)
  --bound-at M        also publish one article into an archive of M articles (add1, no Hugo),
                      and check that the larger archive changes as many files (with --targets)
  --images            the image stage alone (--articles is the number of photos, default 20)
  --help              this text

Every build runs the compiled CLI (lib/ is compiled first). CPU and peak memory count every
process a build starts (Pagefind's too) in a cgroup per build where cgroup v1 is writable, else
GNU time's rusage of the processes it waited for; the output says which.
`;

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      articles: { type: 'string' },
      runs: { type: 'string', default: '3' },
      work: { type: 'string' },
      scenarios: { type: 'string' },
      corpus: { type: 'string' },
      photos: { type: 'string' },
      'distinct-photos': { type: 'string' },
      'hugo-site': { type: 'string' },
      'no-hugo': { type: 'boolean' },
      'no-cgroup': { type: 'boolean' },
      compare: { type: 'string' },
      targets: { type: 'boolean' },
      'bound-at': { type: 'string' },
      images: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.images) {
  const count = Number(values.articles ?? '20');
  if (!Number.isInteger(count) || count < 1) usage(`--articles must be a whole number of at least 1, got "${values.articles}"`);
  compileLib((line) => console.log(line));
  const result = await runImageBench({ articles: count, work: values.work ?? `/tmp/broadsheet-bench-images-${count}`, log: (line) => console.log(line) });
  console.log(`\n${formatImageBench(result)}\n`);
  process.exit(0);
}
const articles = Number(values.articles ?? '1000');
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 1) usage(`--articles must be a whole number of at least 1, got "${values.articles}"`);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a whole number of at least 1, got "${values.runs}"`);
const photos = Number(values.photos ?? '0');
if (!Number.isInteger(photos) || photos < 0 || photos > articles) usage(`--photos must be a whole number from 0 to --articles (${articles}), got "${values.photos}"`);
if (photos > 0 && values.corpus) usage('--photos makes photos for the generated corpus: give it without --corpus');
const distinctPhotos = values['distinct-photos'] === undefined ? photos : Number(values['distinct-photos']);
if (values['distinct-photos'] !== undefined && (!Number.isInteger(distinctPhotos) || distinctPhotos < 1 || distinctPhotos > photos)) usage(`--distinct-photos must be a whole number from 1 to --photos (${photos}), got "${values['distinct-photos']}"`);
const boundAt = values['bound-at'] === undefined ? undefined : Number(values['bound-at']);
if (boundAt !== undefined && !values.targets) usage('--bound-at is a check of --targets: give both');
if (boundAt !== undefined && (values.corpus || photos > 0)) usage('--bound-at compares two generated archives without photos: give it without --corpus and --photos');
if (boundAt !== undefined && (!Number.isInteger(boundAt) || boundAt < 1 || boundAt >= articles)) usage(`--bound-at must be a whole number from 1 to below --articles (${articles}), got "${values['bound-at']}"`);
const scenarios = values.scenarios?.split(',');
const unknown = scenarios?.filter((name) => !SCENARIOS.includes(name));
if (unknown && unknown.length > 0) usage(`unknown scenario ${unknown.map((name) => `"${name}"`).join(', ')}: choose from ${SCENARIOS.join(', ')}`);
const options = {
  articles,
  runs,
  work: values.work ?? `/tmp/broadsheet-bench-${articles}`,
  scenarios: scenarios?.filter((name) => name !== 'dev') as ScenarioName[] | undefined,
  hugo: !values['no-hugo'],
  hugoSite: values['hugo-site'],
  corpus: values.corpus,
  photos,
  distinctPhotos,
  log: (line: string) => console.log(line),
};
if (values['no-cgroup']) countWithoutCgroups();
compileLib(options.log);
const results = await runBench(options);
console.log(`\n${formatScenarios(options, results)}\n`);
if (results.hugo) console.log(`${formatAnchors(results.hugo, results)}\n`);
const cold = results.scenarios.find((result) => result.name === 'cold');
if (cold) console.log(`${formatPhases(cold)}\n`);
if (!scenarios || scenarios.includes('dev')) {
  const dev = await measureDev(options);
  console.log(`${formatDev(dev, results)}\n`);
}
if (values.compare) runCompare(values.compare, articles, runs, options.log);
if (values.targets) {
  // The smaller archive: the same corpus generator, its own work folder, only the publish scenario.
  const smaller = boundAt === undefined ? undefined : { articles: boundAt, results: await runBench({ ...options, articles: boundAt, work: path.join(path.dirname(options.work), `broadsheet-bench-${boundAt}`), scenarios: ['add1'], hugo: false }) };
  if (smaller) console.log(`\n${formatScenarios({ ...options, articles: boundAt! }, smaller.results)}`);
  const rows = checkTargets({ articles, results }, smaller);
  console.log(`\n${formatTargets(rows)}\n`);
  if (rows.some((row) => row.invariant && !row.met)) process.exitCode = 1;
}

// `npm run bench -- --articles 10000 [--runs 3] [--work DIR] [--scenarios ...] [--hugo-site DIR] [--corpus DIR]`
// `npm run bench -- --images [--articles 20] [--work DIR]`: the image stage alone (images.ts).
// A developer's tool: not part of the package. Arguments are parsed here; the work is in measure.ts.

import { parseArgs } from 'node:util';
import { formatDev, formatHugo, formatPhases, formatScenarios } from './format.js';
import { formatImageBench, runImageBench } from './images.js';
import { measureDev, runBench, runCompare, DEFAULT_HUGO_SITE, type ScenarioName } from './measure.js';

const SCENARIOS = ['cold', 'warm', 'edit10', 'add1', 'delete1', 'dev'];

const USAGE = `Usage: npm run bench -- [options]

  --articles N        articles in the synthetic corpus (default 1000)
  --runs R            builds per scenario; quote the medians (default 3)
  --work DIR          folder for the corpus, the site and Hugo's copy (default /tmp/broadsheet-bench-N)
  --scenarios LIST    some of ${SCENARIOS.join(',')} (default all)
  --corpus DIR        build this content folder instead of the generated corpus
  --hugo-site DIR     the Hugo site to pair each cold build with (default ${DEFAULT_HUGO_SITE})
  --no-hugo           no Hugo builds
  --compare SCRIPT    afterwards, run \`bash SCRIPT N R\` (a side-by-side script of your own)
  --images            the image stage alone (--articles is the number of photos, default 20)
  --help              this text
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
      'hugo-site': { type: 'string' },
      'no-hugo': { type: 'boolean' },
      compare: { type: 'string' },
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
  const result = await runImageBench({ articles: count, work: values.work ?? `/tmp/broadsheet-bench-images-${count}`, log: (line) => console.log(line) });
  console.log(`\n${formatImageBench(result)}\n`);
  process.exit(0);
}
const articles = Number(values.articles ?? '1000');
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 1) usage(`--articles must be a whole number of at least 1, got "${values.articles}"`);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a whole number of at least 1, got "${values.runs}"`);
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
  log: (line: string) => console.log(line),
};
const results = runBench(options);
console.log(`\n${formatScenarios(options, results)}\n`);
if (results.hugo) console.log(`${formatHugo(results.hugo, results)}\n`);
const cold = results.scenarios.find((result) => result.name === 'cold');
if (cold) console.log(`${formatPhases(cold)}\n`);
if (!scenarios || scenarios.includes('dev')) {
  const dev = await measureDev(options);
  console.log(`${formatDev(dev, results)}\n`);
}
if (values.compare) runCompare(values.compare, articles, runs, options.log);

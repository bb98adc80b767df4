// `npm run bench -- --articles 10000 [--runs 3] [--work DIR] [--scenarios cold,warm,edit10,add1,delete1,dev] [--no-hugo] [--eleventy]`
// `npm run bench -- --images [--articles 20] [--work DIR]`: the image stage alone (src/bench/images.ts).

import { parseArgs } from 'node:util';
import { formatDev, formatHugo, formatPhases, formatScenarios } from '../src/bench/format.js';
import { formatImageBench, runImageBench } from '../src/bench/images.js';
import { measureDev, runBench, runCompare, type ScenarioName } from '../src/bench/measure.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string' },
    scenarios: { type: 'string' },
    'no-hugo': { type: 'boolean' },
    eleventy: { type: 'boolean' },
    images: { type: 'boolean' },
  },
});
if (values.images) {
  const count = Number(values.articles === '1000' ? '20' : values.articles);
  const result = await runImageBench({ articles: count, work: values.work ?? `/tmp/broadsheet-bench-images-${count}`, log: (line) => console.log(line) });
  console.log(`\n${formatImageBench(result)}\n`);
  process.exit(0);
}
const articles = Number(values.articles);
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- --articles N [--runs R] [--work DIR] [--scenarios cold,warm,edit10,add1,delete1,dev] [--no-hugo] [--eleventy]');
  process.exit(2);
}
const scenarios = values.scenarios?.split(',');
const options = {
  articles,
  runs,
  work: values.work ?? `/tmp/broadsheet-bench-${articles}`,
  scenarios: scenarios?.filter((name) => name !== 'dev') as ScenarioName[] | undefined,
  hugo: !values['no-hugo'],
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
if (values.eleventy) runCompare(articles, runs, options.log);

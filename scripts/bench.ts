// `npm run bench -- --articles 10000 [--runs 3] [--work DIR] [--scenarios cold,warm,dev] [--no-compare]`

import { parseArgs } from 'node:util';
import { formatDev, formatTable, measureDev, runBench, runCompare, type ScenarioName } from '../src/bench/measure.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string' },
    scenarios: { type: 'string' },
    'no-compare': { type: 'boolean' },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- --articles N [--runs R] [--work DIR] [--scenarios cold,warm,edit10,add1,delete1,dev] [--no-compare]');
  process.exit(2);
}
const options = {
  articles,
  runs,
  work: values.work ?? `/tmp/broadsheet-bench-${articles}`,
  scenarios: values.scenarios?.split(',') as ScenarioName[] | undefined,
  log: (line: string) => console.log(line),
};
const results = runBench(options);
console.log(`\n${formatTable(options, results)}\n`);
if (!values.scenarios || values.scenarios.split(',').includes('dev')) {
  const dev = await measureDev(options);
  console.log(`${formatDev(dev, results)}\n`);
}
if (!values['no-compare']) runCompare(articles, runs, options.log);

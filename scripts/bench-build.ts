// One build for `npm run bench`: builds the site given as argument, quietly, and prints what the
// bench reports as one JSON line: peak RSS (this process, worker threads included), page counts.

import { build } from '../src/build.js';

const result = await build({ root: process.argv[2] ?? '.' });
console.log(
  JSON.stringify({
    rssMb: process.resourceUsage().maxRSS / 1024,
    pages: result.stats.pages,
    pagesRendered: result.stats.pagesRendered,
    articlesRendered: result.stats.rendered,
  }),
);

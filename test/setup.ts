// Runs before every test file (vitest.config.ts, setupFiles): once the file is done, the processes
// it started are ended (normally all have exited already) and the temp sites it wrote are removed.

import { afterAll } from 'vitest';
import { endChildren } from './helpers/children.js';
import { removeTempSites } from './helpers/site.js';

afterAll(async () => {
  await endChildren();
  removeTempSites();
});

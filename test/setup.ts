// Runs before every test file (vitest.config.ts, setupFiles): once the file is done, the temp sites
// it wrote are removed.

import { afterAll } from 'vitest';
import { removeTempSites } from './helpers/site.js';

afterAll(removeTempSites);

// The thread content-scan.ts starts: scans the content folder it is given and posts the result.

import { parentPort, workerData } from 'node:worker_threads';
import type { ContentPaths } from '../load/discover.js';
import { scanContent } from './content-scan.js';

parentPort!.postMessage(scanContent(workerData as ContentPaths));

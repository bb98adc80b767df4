// The thread content-scan.ts starts: scans the content folder it is given (hashing the files
// changed since the cache was saved) and posts the result.

import { parentPort, workerData } from 'node:worker_threads';
import type { ContentPaths } from '../load/discover.js';
import { scanContent } from './content-scan.js';

const { paths, hashFromMs } = workerData as { paths: ContentPaths; hashFromMs: number };
parentPort!.postMessage(scanContent(paths, hashFromMs));

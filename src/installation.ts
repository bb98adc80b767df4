// Where this copy of Broadsheet lives and which of its two forms is running: the TypeScript
// sources (src/, run through tsx or vitest) or the compiled JavaScript (lib/src/, what
// `npm run compile` writes and the package ships). Files Broadsheet reads from its own package
// (package.json, the default theme) and the worker entry it starts are found from here, so both
// forms find the same files although lib/src/ is one folder deeper than src/.

import { fileURLToPath } from 'node:url';

/** True when the running code is the compiled lib/src/ (this very module is a .js file). */
export const RUNS_COMPILED: boolean = fileURLToPath(import.meta.url).endsWith('.js');

/** The extension of the running code's modules: '.js' compiled, '.ts' from the sources. */
export const CODE_EXTENSION: '.js' | '.ts' = RUNS_COMPILED ? '.js' : '.ts';

/** The package's root folder (where package.json and templates/ are), as a file: URL ending in '/'. */
export const PACKAGE_ROOT: URL = new URL(RUNS_COMPILED ? '../../' : '../', import.meta.url);

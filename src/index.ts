// Broadsheet's public API: what scripts/ and other programs call. Re-exports only.

export { build, BuildInterrupted, type BuildOptions, type BuildResult } from './build.js';
export { defineConfig, loadConfig, type SiteConfig, type SiteConfigInput } from './config.js';
export { PAGE_TEMPLATES } from './pages/templates.js';
export { BuildFailure, formatProblem, formatProblems, type Problem } from './problems/index.js';
export { renderArticle } from './render/article.js';
export type { ArticleMeta, ArticleSettings, PageSpec, Site } from './types/index.js';
export { DistWriter } from './write/dist-writer.js';
export { MemoryWriter } from './write/memory-writer.js';
export { type OutputWriter } from './write/output-writer.js';

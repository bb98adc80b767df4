// Broadsheet's public API: what scripts/ and other programs call.

export { build, type BuildOptions, type BuildResult } from './build.js';
export { PAGE_TEMPLATES } from './templates.js';
export { defineConfig, loadConfig, type SiteConfig, type SiteConfigInput } from './config.js';
export { BuildFailure, formatProblem, formatProblems, type Problem } from './errors.js';
export { renderArticle, type ArticleMeta, type ArticleSettings } from './article.js';
export { MemoryWriter, DistWriter, type OutputWriter } from './write.js';

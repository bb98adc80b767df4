// What crosses stage borders, by subject: an article (article.ts), the site model (site.ts), page
// plans (pages.ts). Every stage imports from here; nothing here imports a stage, only dates'
// SiteDate. Re-exports only.

export * from './article.js';
export * from './site.js';
export * from './pages.js';

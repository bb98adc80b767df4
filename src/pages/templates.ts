// The LiquidJS engine: template lookup (the site's templates/ first, then Broadsheet's default
// theme), the filters (filters.ts, ui-filters.ts, and `card`: card-filter.ts), the theme's texts
// (ui-tables.ts), the stylesheets pages link (stylesheets.ts), and template errors turned into
// Problems naming the template file and line.
// Template files are found once, under the symlink policy (load/discover.ts), and LiquidJS reads
// only those: a link in templates/ leading outside the site is a problem, never read.
// Rendering is synchronous: a page is a pure function of its PageSpec, the site globals and (for
// an article) its body HTML.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid, type FS, type Template } from 'liquidjs';
import type { SiteConfig } from '../config.js';
import { PACKAGE_ROOT } from '../installation.js';
import { problem, type Problem } from '../problems/index.js';
import { displayPath, findFiles, isInside, linkPolicy, readInputBytes, readInputText, type FoundFile } from '../load/discover.js';
import { CARD_TEMPLATE, registerCardFilter } from './card-filter.js';
import { registerFilters } from './filters.js';
import { LIQUID_LIMITS, limitTemplateWork, templateLimitCause } from './template-limits.js';
import { stylesheetsOf } from './stylesheets.js';
import { registerUiFilters } from './ui-filters.js';
import { loadUiTables } from './ui-tables.js';
import { UiStrings } from './ui-text.js';

/** Broadsheet's own theme, used for any template the site does not provide. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('templates/', PACKAGE_ROOT));

/** The file extension of every template. */
export const TEMPLATE_EXTENSION = '.liquid';

/** Templates every site needs, one per page kind, and the web manifest's; a site may override any of them. */
export const PAGE_TEMPLATES = ['home', 'article', 'topics', 'topic', 'tags', 'tag', 'authors', 'author', 'archive', 'year', 'month', 'day', 'search', '404', 'webmanifest'];

/** The template engine of one build: renders a page template, and says what each template is made of. */
export interface Templates {
  /** Render a named template (e.g. "article") with variables; throws TemplateError. */
  render(name: string, variables: Record<string, unknown>): string;
  /** Folders searched for templates, the site's first. */
  roots: string[];
  /** Every file of each folder (theme assets included), found under the symlink policy. */
  files: ReadonlyMap<string, readonly FoundFile[]>;
  /** Hash of every template file: identifies this set of templates. */
  fingerprint: string;
  /** Hash of the files a page template is made of (see templateFingerprints), and of the stylesheets every page links. */
  fingerprintOf(name: string): string;
  /** The stylesheets every page links, in order (see pages/stylesheets.ts). */
  stylesheets: string[];
  /** The theme's texts in every language (templates/i18n/, the site's over the theme's): what `t` prints, and page titles. */
  strings: UiStrings;
}

/** A template failed: the Problem says where. */
export class TemplateError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'TemplateError';
  }
}

/** The template folders, the site's first, and the files found in each: all a lookup may see. */
export interface TemplateFiles {
  roots: string[];
  files: Map<string, FoundFile[]>;
  /** Absolute path of every file found. */
  found: Set<string>;
}

/**
 * Every file of the template folders. Links leading outside the site (Broadsheet's own theme
 * aside) or nowhere are problems, and their files are not found, so no lookup reads them.
 */
export function findTemplateFiles(config: SiteConfig): { files: TemplateFiles; problems: Problem[] } {
  const roots = templateRoots(config);
  const policy = linkPolicy(config, [DEFAULT_TEMPLATES]);
  const files: TemplateFiles = { roots, files: new Map(), found: new Set() };
  const problems: Problem[] = [];
  for (const root of roots) {
    const found = findFiles(policy, root, { hidden: true });
    files.files.set(root, found.files);
    for (const [, absolute] of found.files) files.found.add(absolute);
    problems.push(...found.problems);
  }
  return { files, problems };
}

/** Every file under the template folders (templates, partials, layouts, assets), hashed. */
export function templatesFingerprint(files: TemplateFiles): string {
  const hash = createHash('sha1');
  for (const [root, found] of files.files) {
    for (const [entry, file] of found) {
      hash.update(`${root}\u0000${entry}\u0000`);
      hash.update(readInputBytes(file));
    }
  }
  return hash.digest('hex');
}

/** LiquidJS's file system, limited to the files found: it can look up and read nothing else. */
function foundFilesOnly(files: TemplateFiles): FS {
  const has = (file: string) => files.found.has(path.resolve(file));
  const read = (file: string) => {
    if (!has(file)) throw new Error(`ENOENT: ${file} is not a template file`);
    return readInputText(file);
  };
  const contains = (root: string, file: string) => isInside(path.resolve(file), path.resolve(root)) && has(file);
  return {
    exists: async (file) => has(file),
    existsSync: has,
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (dir, file, extension) => path.resolve(dir, path.extname(file) ? file : `${file}${extension}`),
    contains: async (root, file) => contains(root, file),
    containsSync: contains,
    dirname: (file) => path.dirname(file),
    sep: path.sep,
  };
}

/** `{% layout "x" %}`, `{% include 'x' %}`, `{% render "x" %}`: a template another one uses. */
const REFERENCE = /\{%-?\s*(?:layout|include|render)\s+(["'])([^"']+)\1/g;
/** A reference by variable (`{% include name %}`): which template it is cannot be known before rendering. */
const DYNAMIC_REFERENCE = /\{%-?\s*(?:layout|include|render)\s+[^"'\s]/;
/** The card filter renders CARD_TEMPLATE. */
const CARD_FILTER = /\|\s*card\b/;

/**
 * A hash per page template of the files it is made of: itself and every layout and partial it
 * uses, directly or through another (the card filter counts as a use of the card partial). Part
 * of each page's fingerprint, so editing templates/tag.liquid renders only the tag pages again,
 * and editing a partial only the pages whose templates use it. A template that names another by
 * a variable depends on every template file.
 */
export function templateFingerprints(found: TemplateFiles, names: readonly string[], everything = templatesFingerprint(found)): Map<string, string> {
  const prints = new Map<string, string>();
  for (const name of names) {
    const files = new Map<string, string>();
    let dynamic = false;
    const visit = (current: string) => {
      if (files.has(current)) return;
      const file = findTemplateByName(found, current);
      const text = file ? readInputText(file) : '';
      files.set(current, `${file ?? ''}\u0000${text}`);
      if (DYNAMIC_REFERENCE.test(text)) dynamic = true;
      for (const match of text.matchAll(REFERENCE)) visit(match[2]!.replace(/\.liquid$/, ''));
      if (CARD_FILTER.test(text)) visit(CARD_TEMPLATE);
    };
    visit(name);
    const parts = dynamic ? [everything] : [...files].sort(([a], [b]) => (a < b ? -1 : 1));
    prints.set(name, createHash('sha1').update(JSON.stringify(parts)).digest('hex'));
  }
  return prints;
}

/** The template folders that exist: the site's, then the default theme. */
export function templateRoots(config: SiteConfig): string[] {
  const roots = [config.templatesPath, DEFAULT_TEMPLATES].map((root) => path.resolve(root));
  return [...new Set(roots)].filter((root) => existsSync(root));
}

/**
 * Create the engine and parse every named template up front, so a syntax error is reported (all
 * of them, together) before any page is rendered.
 */
export function createTemplates(
  config: SiteConfig,
  names: readonly string[],
  // Tests turn lenientIf off to prove the default theme never tests an undefined value.
  options: { lenientIf: boolean } = { lenientIf: true },
): { templates: Templates; problems: Problem[] } {
  const { files, problems } = findTemplateFiles(config);
  const roots = files.roots;
  const engine = new Liquid({
    fs: foundFilesOnly(files),
    root: roots,
    partials: roots,
    layouts: roots,
    extname: TEMPLATE_EXTENSION,
    strictVariables: true,
    strictFilters: true,
    lenientIf: options.lenientIf,
    outputEscape: 'escape',
    cache: true,
    ...LIQUID_LIMITS,
  });
  limitTemplateWork(engine);
  registerFilters(engine, config);
  const tables = loadUiTables(files, config);
  problems.push(...tables.problems);
  const strings = new UiStrings(tables.tables, config);
  registerUiFilters(engine, strings, config);
  registerCardFilter(engine, (error) => new TemplateError(templateProblem(error, config, files, 'template-render', CARD_TEMPLATE)));

  const parsed = new Map<string, Template[]>();
  // The site's own partials and the card too, for their syntax: one no page includes yet (a byline
  // before the first article with an author) would otherwise fail a later build.
  for (const name of [...names, ...ownPartials(files, names)]) {
    try {
      const template = engine.parseFileSync(name);
      if (names.includes(name)) parsed.set(name, template);
    } catch (error) {
      problems.push(templateProblem(error, config, files, 'template-syntax', name));
    }
  }

  const everything = templatesFingerprint(files);
  const prints = templateFingerprints(files, names, everything);
  // Every page template prints texts of the tables (the layout's navigation at least): a text edited changes every page.
  const texts = createHash('sha1').update(JSON.stringify([...tables.tables.byCode].map(([code, entries]) => [code, [...entries]]))).digest('hex');
  const stylesheets = stylesheetsOf(roots.filter((root) => root !== path.resolve(DEFAULT_TEMPLATES)).flatMap((root) => files.files.get(root) ?? []));
  return {
    problems,
    templates: {
      roots,
      files: files.files,
      fingerprint: everything,
      // Every page links the stylesheets: a site.css added or removed changes every page.
      fingerprintOf: (name) => `${prints.get(name) ?? ''}:${texts}:${stylesheets.join(',')}`,
      stylesheets,
      strings,
      render(name, variables) {
        const template = parsed.get(name);
        if (!template) throw new Error(`template "${name}" was not parsed at start-up`);
        try {
          return engine.renderSync(template, variables) as string;
        } catch (error) {
          // A card's error, wrapped by LiquidJS at the filter in this template: the card's own place is the one to name.
          throw innerTemplateError(error) ?? new TemplateError(templateProblem(error, config, files, 'template-render', name));
        }
      },
    },
  };
}

/** A TemplateError among the errors `error` wraps (LiquidJS keeps a filter's error as its originalError). */
function innerTemplateError(error: unknown, depth = 0): TemplateError | undefined {
  if (error instanceof TemplateError || !error || depth > 8) return error instanceof TemplateError ? error : undefined;
  return innerTemplateError((error as LiquidErrorShape).originalError, depth + 1);
}

/** The names of the site's own template files that are not page templates (its partials), and the card's. */
function ownPartials(files: TemplateFiles, pages: readonly string[]): string[] {
  const own = files.roots[0]!;
  const names = new Set([CARD_TEMPLATE]);
  if (own !== path.resolve(DEFAULT_TEMPLATES)) {
    for (const file of files.found) {
      if (!file.endsWith(TEMPLATE_EXTENSION) || !file.startsWith(own + path.sep)) continue;
      names.add(path.relative(own, file).slice(0, -TEMPLATE_EXTENSION.length).split(path.sep).join('/'));
    }
  }
  return [...names].filter((name) => !pages.includes(name));
}

interface LiquidErrorShape {
  message?: string;
  token?: { file?: string; input?: string; getPosition?: () => [number, number] };
  originalError?: { message?: string; originalError?: unknown };
}

function templateProblem(error: unknown, config: SiteConfig, files: TemplateFiles, code: 'template-syntax' | 'template-render', name: string): Problem {
  const shaped = (error ?? {}) as LiquidErrorShape;
  const token = shaped.token;
  const [line, column] = token?.getPosition?.() ?? [1, 1];
  const file = token?.file ?? findTemplateBySource(files, token?.input) ?? findTemplateByName(files, name);
  const cause = shaped.originalError?.message ?? shaped.message ?? String(error);
  const firstLine = cause.split('\n')[0]!.replace(/, (file|line):.*$/, '');
  const message = templateLimitCause(firstLine) ?? firstLine;
  return problem(code, file ? displayPath(config, file) : `${name}${TEMPLATE_EXTENSION}`, { line, column }, { template: name, cause: withoutMachinePaths(message, config, files) });
}

/**
 * A LiquidJS message with the machine's absolute paths told as the user knows them: the site's
 * template folder by its path in the site ("templates/"), Broadsheet's own as "the default theme".
 * ("Failed to lookup "x" in "/home/…/templates,/usr/lib/…/templates"" names both folders.)
 */
function withoutMachinePaths(message: string, config: SiteConfig, files: TemplateFiles): string {
  const theme = path.resolve(DEFAULT_TEMPLATES);
  const named = files.roots.map((root) => (root === theme ? 'the default theme' : `${displayPath(config, root)}/`));
  let shown = message.replaceAll(`"${files.roots.join(',')}"`, named.join(' and '));
  files.roots.forEach((root, i) => {
    shown = shown.replaceAll(`${root}${path.sep}`, root === theme ? 'the default theme\'s ' : named[i]!).replaceAll(root, named[i]!);
  });
  return shown.replaceAll(`${path.resolve(config.root)}${path.sep}`, '');
}

/** LiquidJS keeps the template's source, not its file, on render-time errors: find the file. */
function findTemplateBySource(files: TemplateFiles, source: string | undefined): string | undefined {
  if (!source) return undefined;
  for (const file of files.found) {
    if (file.endsWith(TEMPLATE_EXTENSION) && readInputText(file) === source) return file;
  }
  return undefined;
}

/** The file LiquidJS finds for a template name: the first root's that was found. */
function findTemplateByName(files: TemplateFiles, name: string): string | undefined {
  return files.roots.map((root) => path.join(root, `${name}${TEMPLATE_EXTENSION}`)).find((file) => files.found.has(file));
}

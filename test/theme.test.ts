// Adjusting the default theme without replacing it: a site's templates/assets/site.css is linked
// after the theme's stylesheet on every page (so a one-line file changes one colour), the theme's
// custom properties are the ones docs/theme.md lists, and a site's template takes over from the
// theme's of the same name while the rest stay the theme's.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postcss, { type Root } from 'postcss';
import { describe, expect, it } from 'vitest';
import { DevSite } from '../src/dev/site.js';
import { themeProperties, withThemeTable } from '../scripts/theme-properties.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { buildInMemory } from './helpers/memory-site.js';
import { article, makeSite, page } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T12:00:00Z');

/** Five articles, a0 (oldest) to a4, in two topics. */
function newsroom(files: Record<string, string> = {}): Record<string, string> {
  const site: Record<string, string> = { 'site.config.ts': "export default { title: 'Theme Times' };\n", ...files };
  for (let i = 0; i < 5; i++) site[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-0${i + 1} 09:00`, topic: i % 2 ? 'Politics' : 'Culture' });
  return site;
}

/** The pages the tests look at: one of each layout use. */
const PAGES = ['/', '/2025/12/05/article-4/', '/topics/culture/', '/archive/', '/404.html'];

/** The value the stylesheet's :root rules give a custom property, the last one winning (top level only: not in @media). */
function rootValue(css: Root, property: string): string | undefined {
  let value: string | undefined;
  css.each((node) => {
    if (node.type !== 'rule' || node.selector.trim() !== ':root') return;
    node.walkDecls(property, (declaration) => {
      value = declaration.value;
    });
  });
  return value;
}

describe("a site's stylesheet, templates/assets/site.css", () => {
  it("is linked after the theme's on every page and published as it is, so one line changes one colour", async () => {
    const siteCss = ':root { --accent: #00629b; }\n';
    const site = await buildInMemory(newsroom({ 'templates/assets/site.css': siteCss }), { now: NOW });
    for (const url of PAGES) {
      const $ = site.page(url);
      expect($('link[rel="stylesheet"]').map((_, link) => $(link).attr('href')).get(), url).toEqual(['/assets/style.css', '/assets/site.css']);
    }
    expect(site.outputs.get('assets/site.css')).toBe(siteCss);
    // The theme's stylesheet is still published whole, and takes the accent from the property the site sets.
    const theme = postcss.parse(site.outputs.get('assets/style.css')!);
    expect(rootValue(theme, '--accent')).toBe('#a4161a');
    const usesAccent: string[] = [];
    theme.walkDecls((declaration) => {
      if (declaration.value.includes('var(--accent)')) usesAccent.push(`${(declaration.parent as { selector?: string }).selector} ${declaration.prop}`);
    });
    expect(usesAccent).toContain('.kicker a,\n.kicker a:visited color');
    expect(rootValue(postcss.parse(site.outputs.get('assets/site.css')!), '--accent')).toBe('#00629b');
  });

  it('is not linked when the site has none', async () => {
    const site = await buildInMemory(newsroom(), { now: NOW });
    for (const url of PAGES) {
      const $ = site.page(url);
      expect($('link[rel="stylesheet"]').map((_, link) => $(link).attr('href')).get(), url).toEqual(['/assets/style.css']);
    }
    expect(site.outputs.has('assets/site.css')).toBe(false);
  });

  it('added while the dev server runs, is linked on every page, as a full build links it', async () => {
    const root = makeSite(newsroom());
    const { site } = await DevSite.start({ root, now: () => NOW, threads: 1 });
    try {
      const file = path.join(root, 'templates/assets/site.css');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, ':root { --accent: #00629b; }\n');
      const result = await site.update({ paths: [file] });
      expect(result.ok).toBe(true);
      const $ = page(path.join(root, 'dist'), '/');
      expect($('link[rel="stylesheet"]').last().attr('href')).toBe('/assets/site.css');
      expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW))).toEqual([]);
    } finally {
      await site.close();
    }
  });
});

describe("the theme's custom properties", () => {
  it('are the ones docs/theme.md lists (run `node --import tsx scripts/theme-table.ts --write` after changing them)', () => {
    const doc = readFileSync(new URL('../docs/theme.md', import.meta.url), 'utf8');
    expect(doc).toBe(withThemeTable(doc));
  });

  it('give the colours, fonts and widths, each colour with a dark-scheme value', () => {
    const properties = new Map(themeProperties().map((property) => [property.name, property]));
    for (const colour of ['--text', '--muted', '--background', '--surface', '--rule', '--link', '--link-visited', '--accent', '--focus']) {
      expect(properties.get(colour)?.value, colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(properties.get(colour)?.dark, colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    for (const other of ['--font-text', '--font-headline', '--font-ui', '--page-width', '--measure', '--gutter']) expect(properties.has(other), other).toBe(true);
  });
});

describe("a site's template", () => {
  it("takes over from the theme's of the same name; the other templates stay the theme's", async () => {
    const mine = '<article class="my-story"><h2><a href="{{ item.url | url }}">{{ item.title }}</a></h2><p class="mine">{{ item.topic.name }}</p></article>';
    const site = await buildInMemory(newsroom({ 'templates/partials/top-story.liquid': mine, 'templates/assets/site.css': ':root { --accent: #00629b; }\n' }), { now: NOW });
    const $ = site.page('/');
    expect($('main .secondary-stories > li > article').map((_, story) => $(story).attr('class')).get()).toEqual(['my-story', 'my-story', 'my-story']);
    expect($('main .secondary-stories .mine').map((_, topic) => $(topic).text()).get()).toEqual(['Politics', 'Culture', 'Politics']);
    expect($('main .top-story')).toHaveLength(0);
    // The theme's lead, sections and layout are still there.
    expect($('main .lead-story h2').text()).toBe('Article 4');
    expect($('main .front-section')).toHaveLength(1);
    expect($('header.site-header .site-title').text()).toBe('Theme Times');
  });
});

// The default theme's custom properties, read from templates/assets/style.css with postcss: each
// property of the top-level `:root` rule, its value, its value in the dark scheme (the `:root` rule
// inside `@media (prefers-color-scheme: dark)`), and the comment above it, which says what it sets.
// docs/theme.md's table of properties is made of them (scripts/theme-table.ts), and a test fails
// when the two differ. Dev-only: postcss is a dev dependency, so nothing in src/ imports this.

import { readFileSync } from 'node:fs';
import postcss, { type Container, type Declaration, type Rule } from 'postcss';
import { replaceBetween } from './generated-docs.js';

/** The theme's stylesheet. */
export const THEME_CSS = new URL('../templates/assets/style.css', import.meta.url);

/** One custom property of the theme. */
export interface ThemeProperty {
  name: string;
  value: string;
  /** Its value in the dark scheme, when that differs. */
  dark?: string;
  /** What it sets: the comment above it in the stylesheet. */
  description: string;
}

/** The custom properties of `css` (see the top of this file), in the stylesheet's order. Throws on a property without a comment. */
export function themeProperties(css: string = readFileSync(THEME_CSS, 'utf8')): ThemeProperty[] {
  const root = postcss.parse(css);
  const light = rootRule(root);
  if (!light) throw new Error('the stylesheet has no top-level :root rule');
  const dark = new Map<string, string>();
  root.each((node) => {
    if (node.type === 'atrule' && node.name === 'media' && node.params.replace(/\s+/g, '') === '(prefers-color-scheme:dark)') {
      for (const declaration of customProperties(rootRule(node))) dark.set(declaration.prop, declaration.value);
    }
  });
  return customProperties(light).map((declaration) => {
    const comment = declaration.prev();
    if (comment?.type !== 'comment') throw new Error(`${declaration.prop} has no comment saying what it sets`);
    const darkValue = dark.get(declaration.prop);
    return { name: declaration.prop, value: declaration.value, ...(darkValue !== undefined ? { dark: darkValue } : {}), description: comment.text.replace(/\s+/g, ' ') };
  });
}

/** The properties as docs/theme.md's Markdown table. */
export function themeTable(properties: readonly ThemeProperty[] = themeProperties()): string {
  const rows = properties.map((property) => `| \`${property.name}\` | ${code(property.value)} | ${property.dark ? code(property.dark) : 'same'} | ${cell(property.description)} |`);
  return ['| property | default | dark scheme | what it sets |', '|---|---|---|---|', ...rows].join('\n');
}

/** The line before the generated table in docs/theme.md; everything up to TABLE_END is replaced. */
export const TABLE_START = '<!-- theme-properties: generated from templates/assets/style.css by `node --import tsx scripts/theme-table.ts --write` -->';
/** The line after the generated table. */
export const TABLE_END = '<!-- /theme-properties -->';

/** `doc` with the text between the table markers replaced by the current table. Throws without both markers. */
export function withThemeTable(doc: string, table: string = themeTable()): string {
  return replaceBetween(doc, TABLE_START, TABLE_END, table);
}

function rootRule(container: Container | undefined): Rule | undefined {
  let found: Rule | undefined;
  container?.each((node) => {
    if (!found && node.type === 'rule' && node.selector.trim() === ':root') found = node;
  });
  return found;
}

function customProperties(rule: Rule | undefined): Declaration[] {
  const declarations: Declaration[] = [];
  rule?.each((node) => {
    if (node.type === 'decl' && node.prop.startsWith('--')) declarations.push(node);
  });
  return declarations;
}

/** A value as inline code; a value holding a backtick cannot be one, and a | would end the cell. */
function code(value: string): string {
  return `\`${value.replace(/\|/g, '\\|')}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

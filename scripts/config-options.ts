// The site config's options as docs/configuration.md lists them, generated so that the page and
// the schema cannot drift: each option's type, range and default come from the zod schema itself
// (zod's JSON Schema of its input), and its meaning from the doc comment written on it in
// src/config-schema.ts, read with the TypeScript compiler's parser. The doc comments stay the one place
// the meaning is written, and editors show the same text when a site's config is typed.
// scripts/config-reference.ts prints or rewrites the table; a test fails when the page is stale.
// Dev-only: typescript is a dev dependency, so nothing in src/ imports this.

import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import ts from 'typescript';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { configSchema } from '../src/config-schema.js';
import { replaceBetween } from './generated-docs.js';

/** The config module, whose doc comments say what each option means. */
export const CONFIG_SOURCE = new URL('../src/config-schema.ts', import.meta.url);

/** One row of the table. */
export interface ConfigOption {
  /** As written in site.config.ts: `frontPage.secondary`, `languages.<code>.title`. */
  name: string;
  type: string;
  /** The default, as code (`"dist"`, `20`), or undefined when unset means something the meaning says. */
  default?: string;
  /** The doc comment, Markdown on one line. */
  meaning: string;
}

/** The part of a JSON Schema these options use. */
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
}

/**
 * The doc comment of every option in `source` (src/config-schema.ts), by its path of keys
 * (`frontPage.secondary`; a record's entries without their key: `languages.title`). Options are
 * the properties of the `z.object({...})` literals reached from `configSchema`, through the
 * constants of the module its properties name (`languageSchema`).
 */
export function optionComments(source: string = readFileSync(CONFIG_SOURCE, 'utf8')): Map<string, string> {
  const file = ts.createSourceFile('config.ts', source, ts.ScriptTarget.Latest, true);
  const constants = new Map<string, ts.Expression>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
    }
  }
  const objectLiteral = (node: ts.Node, followed: Set<string>): ts.ObjectLiteralExpression | undefined => {
    const callee = ts.isCallExpression(node) ? node.expression : undefined;
    if (callee && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'z' && callee.name.text === 'object') {
      const shape = (node as ts.CallExpression).arguments[0];
      if (shape && ts.isObjectLiteralExpression(shape)) return shape;
    }
    if (ts.isIdentifier(node) && constants.has(node.text) && !followed.has(node.text)) {
      return objectLiteral(constants.get(node.text)!, new Set([...followed, node.text]));
    }
    return ts.forEachChild(node, (child) => objectLiteral(child, followed));
  };
  const comments = new Map<string, string>();
  const read = (shape: ts.ObjectLiteralExpression, prefix: string) => {
    for (const property of shape.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const key = `${prefix}${property.name.getText(file).replace(/^['"]|['"]$/g, '')}`;
      const text = ts
        .getJSDocCommentsAndTags(property)
        .filter(ts.isJSDoc)
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) comments.set(key, text);
      const inner = objectLiteral(property.initializer, new Set());
      if (inner) read(inner, `${key}.`);
    }
  };
  const schema = constants.get('configSchema');
  const shape = schema && objectLiteral(schema, new Set(['configSchema']));
  if (!shape) throw new Error('src/config-schema.ts has no configSchema = z.object({ ... })');
  read(shape, '');
  return comments;
}

/**
 * Every option of the schema, in its order, each object's options after it. Throws when an
 * option has no doc comment, or one with raw HTML (it would be markup on the page).
 */
export function configOptions(comments: Map<string, string> = optionComments()): ConfigOption[] {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const options: ConfigOption[] = [];
  const walk = (object: JsonSchema, key: string, name: string) => {
    for (const [property, value] of Object.entries(object.properties ?? {})) {
      const meaning = comments.get(`${key}${property}`);
      if (meaning === undefined) throw new Error(`the option ${name}${property} has no doc comment in src/config-schema.ts`);
      checkMarkdown(`${name}${property}`, meaning);
      const record = typeof value.additionalProperties === 'object' && value.additionalProperties.properties ? value.additionalProperties : undefined;
      const defaultValue = value.default === undefined || value.properties ? undefined : `\`${codeOf(value.default)}\``;
      options.push({ name: `${name}${property}`, type: record ? 'map of language codes to settings (below)' : typeOf(value), ...(defaultValue !== undefined ? { default: defaultValue } : {}), meaning });
      if (value.properties) walk(value, `${key}${property}.`, `${name}${property}.`);
      if (record) walk(record, `${key}${property}.`, `${name}${property}.<code>.`);
    }
  };
  walk(schema, '', '');
  return options;
}

/** The options as docs/configuration.md's Markdown table. */
export function configTable(options: readonly ConfigOption[] = configOptions()): string {
  const rows = options.map((option) => `| \`${option.name}\` | ${cell(option.type)} | ${option.default ?? ''} | ${cell(linkDocs(option.meaning))} |`);
  return ['| option | type | default | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

/** The line before the generated table in docs/configuration.md; everything up to TABLE_END is replaced. */
export const TABLE_START = '<!-- config-options: generated from src/config-schema.ts by `node --import tsx scripts/config-reference.ts --write` -->';
/** The line after the generated table. */
export const TABLE_END = '<!-- /config-options -->';

/** `doc` with the text between the table markers replaced by the current table. Throws without both markers. */
export function withConfigTable(doc: string, table: string = configTable()): string {
  return replaceBetween(doc, TABLE_START, TABLE_END, table);
}

/** A JSON Schema type in words: `integer, 1 to 1000`, `list of text`, `"full" or "summary"`. */
function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' or ');
  switch (schema.type) {
    case 'string':
      return schema.format === 'uri' ? 'URL' : 'text';
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
    case 'number': {
      const kind = schema.type === 'integer' ? 'whole number' : 'number';
      if (schema.minimum !== undefined && schema.maximum !== undefined) return `${kind}, ${schema.minimum} to ${schema.maximum}`;
      return schema.minimum !== undefined ? `${kind}, at least ${schema.minimum}` : kind;
    }
    case 'array': {
      const count = schema.minItems !== undefined && schema.maxItems !== undefined ? ` (${schema.minItems} to ${schema.maxItems})` : '';
      return `list of ${schema.items ? pluralOf(typeOf(schema.items)) : 'values'}${count}`;
    }
    case 'object':
      return 'settings (below)';
    default:
      return 'see its meaning';
  }
}

/** A default as a config file writes it: `"dist"`, `20`, `[480, 800]`. */
function codeOf(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(codeOf).join(', ')}]` : JSON.stringify(value);
}

/** `whole number, 16 to 8000` -> `whole numbers, 16 to 8000`; text stays text. */
function pluralOf(type: string): string {
  return type.replace(/^(whole number|number|URL)\b/, '$1s');
}

/** Doc comments are Markdown; raw HTML in one would be markup on the page, not text. */
function checkMarkdown(option: string, text: string): void {
  const tree: Root = fromMarkdown(text);
  visit(tree, 'html', (node) => {
    throw new Error(`the doc comment of ${option} in src/config-schema.ts has HTML (${node.value}): write it as code, in backticks`);
  });
}

/** A mention of another page of docs/ (`docs/limits.md`) as a link to it from docs/configuration.md. */
function linkDocs(text: string): string {
  return text.replace(/\bdocs\/([a-z-]+\.md)\b/g, '[$1]($1)');
}

/** A table cell: a | would end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

// One imported article as a Broadsheet article file: front-matter fields (title, date, topic, tags,
// source, in that order) and a Markdown body. Pure: the inference lives in source.ts, topics.ts and
// tags.ts; this module only puts their answers and the text together.
//
// The body is the dump's paragraphs as written, one Markdown paragraph each. Only what Markdown
// would read as block syntax at the start of a paragraph is escaped ("# 1 in the charts" would
// become a heading, "1. ..." a list, "[1]: ..." would vanish as a link definition); everything
// else, curly quotes and inline punctuation included, is kept byte for byte.

import { serializeArticle } from '../../load/frontmatter.js';
import type { DumpArticle } from './dump-format.js';
import { findSource } from './source.js';
import { inferTags } from './tags.js';
import { inferTopic } from './topics.js';

/**
 * Front-matter fields of one imported article; optional fields are undefined when nothing was
 * inferred (tags is never empty).
 */
export interface ImportedFields {
  title: string;
  date: string;
  topic?: string;
  tags?: string[];
  source?: string;
  /** Only when the file name had to be de-duplicated, so the URL follows the file name. */
  slug?: string;
}

/** Front-matter fields of an imported article, inferred from its text. */
export function importedFields(article: DumpArticle): ImportedFields {
  const source = findSource(article.paragraphs);
  // The attribution names the agency or ministry that filed the piece, not what it is about.
  const tags = inferTags(article, { ignore: source ? [source] : [] });
  return {
    title: article.title,
    date: article.date,
    topic: inferTopic(article),
    tags: tags.length > 0 ? tags : undefined,
    source,
  };
}

/** Block syntax a paragraph could start with, matched at its first character. */
const BLOCK_START =
  /^(?:#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|`{3,}|~{3,}|<|\[[^\]]*\]:|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;
/** "1. " or "1) " starts an ordered list: the escape goes before the dot. */
const ORDERED_LIST = /^(\d{1,9})([.)])(?=[ \t]|$)/;

/** A plain-text paragraph as Markdown that renders as the same text, as one paragraph. */
export function escapeParagraphStart(paragraph: string): string {
  const ordered = ORDERED_LIST.exec(paragraph);
  if (ordered) return `${ordered[1]}\\${paragraph.slice(ordered[1]!.length)}`;
  return BLOCK_START.test(paragraph) ? `\\${paragraph}` : paragraph;
}

/** The paragraphs, each escaped by escapeParagraphStart, joined by blank lines; "" for none. Pure. */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  return paragraphs.map(escapeParagraphStart).join('\n\n');
}

/** The complete file text. */
export function articleFileText(fields: ImportedFields, paragraphs: readonly string[]): string {
  const { title, date, topic, tags, source, slug } = fields;
  return serializeArticle({ title, date, topic, tags, source, slug }, paragraphsToMarkdown(paragraphs));
}

// A quoted YAML value that the `yaml` package finds unclosed: where it opens (the place an author
// should look, not the line end or the end of the front-matter where the parser gave up), and, for
// importers, the same text with the value's next lines indented. YAML 1.2 wants the lines of a
// value that goes on over lines indented past its field (`title: "A long\n  title"`); the parsers
// other generators use (libyaml in Jekyll's Psych, go-yaml in Hugo, js-yaml in Eleventy) also
// read them unindented (`title: "A long\ntitle"`), and sites that built with them have such files.
// Indenting those lines changes no value: YAML folds a quoted value's line breaks and drops the
// spaces that start its lines.

import { visit, type Document, type YAMLError } from 'yaml';

/** The offset (in the YAML text) of the opening quote of the value `error` finds unclosed; undefined for other errors. */
export function unclosedQuoteStart(document: Document.Parsed, error: YAMLError): number | undefined {
  if (error.code !== 'MISSING_CHAR') return undefined;
  let start: number | undefined;
  // The parser ends the unclosed value where it reports the missing quote.
  visit(document, {
    Scalar(_, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === error.pos[0]) start = node.range[0];
    },
  });
  return start;
}

/**
 * The YAML text with the lines of the quoted value opening at `start` indented to its opening
 * quote's column, when a closing quote follows (read by the quoted value's own rules: `\"` in
 * double quotes, `''` in single ones); undefined when none does, or nothing changes.
 */
export function indentQuotedLines(yaml: string, start: number): string | undefined {
  const quote = yaml[start];
  let end = start + 1;
  for (; end < yaml.length; end++) {
    const char = yaml[end];
    if (quote === '"' && char === '\\') end++;
    else if (char === quote && quote === "'" && yaml[end + 1] === "'") end++;
    else if (char === quote) break;
  }
  if (end >= yaml.length) return undefined;
  const column = start - (yaml.lastIndexOf('\n', start) + 1);
  const [first = '', ...rest] = yaml.slice(start, end).split('\n');
  const indented = [first, ...rest.map((line) => ' '.repeat(Math.max(0, column + 1 - (line.length - line.trimStart().length))) + line)].join('\n');
  const text = yaml.slice(0, start) + indented + yaml.slice(end);
  return text === yaml ? undefined : text;
}

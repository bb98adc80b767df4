// The YAML mistakes authors make most, in their words rather than the parser's: a message and a
// hint for each error code of the `yaml` package that front-matter commonly hits. Used by the
// catalogue's yaml-syntax entry; codes not listed fall back to the parser's own message.

/** What an author reads for one `yaml` package error code. */
export interface YamlExplanation {
  message: string;
  hint: string;
}

const EXPLANATIONS: Partial<Record<string, YamlExplanation>> = {
  BLOCK_AS_IMPLICIT_KEY: {
    message: 'a value contains ": ", which YAML reads as a second field',
    hint: 'put the whole value in quotes: title: "Kazakhstan: a new law"',
  },
  BAD_INDENT: {
    message: 'a list in [ ] or a map in { } is not closed, or a line is indented wrongly',
    hint: 'close lists on the same line: tags: [Almaty, Astana]',
  },
  DUPLICATE_KEY: { message: 'this field appears twice', hint: 'keep one of the two lines' },
  UNRESOLVED_ALIAS: {
    message: 'a value starts with *, which YAML reads as an alias of an &anchor that does not exist',
    hint: 'put the value in quotes: title: "*Exclusive* interview"',
  },
  MISSING_CHAR: { message: 'a quoted value is not closed', hint: 'end the value with the same quote it starts with' },
  // Not the package's: frontmatter.ts's name for its MISSING_CHAR at a quoted value, placed at the opening quote.
  QUOTE_NOT_CLOSED: {
    message: 'a quoted value is not closed',
    hint: 'end the value with the same quote it starts with; if it goes on over lines, indent the lines after the first',
  },
  TAB_AS_INDENT: { message: 'a line is indented with a tab', hint: 'indent with spaces' },
  BAD_SCALAR_START: {
    message: 'a value starts with a character YAML reserves (@ or `)',
    hint: 'put the value in quotes',
  },
};

/** The author's explanation of a `yaml` error code, if it is one of the common ones. */
export function explainYamlError(code: string): YamlExplanation | undefined {
  return Object.hasOwn(EXPLANATIONS, code) ? EXPLANATIONS[code] : undefined;
}

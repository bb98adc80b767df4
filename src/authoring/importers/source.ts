// The attribution of an imported article: wire copy names its source in a closing clause such as
// "..., Qazinform News Agency reports." This module finds that name; it never edits the text (the
// sentence stays in the body as written). Pure.

/** ", <Name> reports." at the end of a sentence; the name starts with a capital, after an optional "the". */
const ATTRIBUTION = /,\s+(?:the\s+)?(\p{Lu}[^,;:!?"“”«»()]*?)\s+(?:reports|reported|informs|writes)\.(?=\s|$)/gu;

/** A source longer than this is a clause the pattern caught by accident, not a name. */
const MAX_WORDS = 12;

/** The source an article attributes itself to, from its first paragraph that has one. */
export function findSource(paragraphs: readonly string[]): string | undefined {
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(ATTRIBUTION)) {
      const name = match[1]!.trim().replace(/\s+/g, ' ');
      // ". " inside means the match ran across two sentences: not a name.
      if (!/\.\s/.test(name) && name.split(' ').length <= MAX_WORDS) return name;
    }
  }
  return undefined;
}

// "Did you mean ...?": the known name nearest to a misspelled one (a front-matter field, a config
// option), by edit distance, ignoring case. Near means at most two edits, and at most half the
// known name (so `tag` suggests `tags`, `tgas` suggests `tags`, and `mood` suggests nothing).

import { distance } from 'fastest-levenshtein';

/** The name of `known` nearest to `word`, if one is near enough to be a misspelling of it; undefined for a known name itself. */
export function nearestName(word: string, known: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: { name: string; edits: number } | undefined;
  for (const name of known) {
    if (name === word) return undefined;
    const edits = distance(typed, name.toLowerCase());
    if (edits <= 2 && edits <= Math.ceil(name.length / 2) && (!best || edits < best.edits)) best = { name, edits };
  }
  return best?.name;
}

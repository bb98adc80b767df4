// Finding known phrases (gazetteer names, topic keywords) in text, whole words only, fast.
//
// Not one regex per phrase, nor one alternation of hundreds of them: the text is cut into word
// tokens once, and at each token only the phrase lengths that some phrase starting with that word
// has are looked up in a Map. Cost is linear in the text whatever the number of phrases, and
// matching is whole-word by construction ("Niger" never matches inside "Nigeria"). Where phrases
// overlap, the longest starting at a word wins and matching resumes after it.

/**
 * Letters (with combining marks) and digits make words; anything else separates them, except a
 * soft hyphen (U+00AD), which web copy puts inside words.
 */
const WORD = /[\p{L}\p{M}\p{N}\u00AD]+/gu;

interface Token {
  start: number;
  end: number;
  text: string;
}

/** Phrases ready for findPhrases, built by buildPhraseIndex; treat as read-only. */
export interface PhraseIndex<T> {
  caseSensitive: boolean;
  /** Phrase key (see phraseKey) -> value. */
  values: Map<string, T>;
  /** First word (case-folded unless caseSensitive) -> phrase lengths in words, longest first. */
  lengths: Map<string, number[]>;
}

/** One phrase found by findPhrases: the value it was indexed with and where it starts. */
export interface PhraseMatch<T> {
  value: T;
  /** Character offset of the phrase's first word. */
  offset: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return tokens;
}

/** A phrase as looked up: first word to last word as written, whitespace runs as one space. */
function phraseKey(text: string, first: Token, last: Token, caseSensitive: boolean): string {
  const key = text.slice(first.start, last.end).replace(/\s+/g, ' ');
  return caseSensitive ? key : key.toLowerCase();
}

/**
 * Index phrases for findPhrases. `onConflict` is called when one phrase is given two different
 * values (a data error the caller decides about); by default the first value is kept.
 */
export function buildPhraseIndex<T>(
  pairs: Iterable<readonly [phrase: string, value: T]>,
  options: { caseSensitive: boolean; onConflict?: (phrase: string, first: T, second: T) => void },
): PhraseIndex<T> {
  const { caseSensitive } = options;
  const values = new Map<string, T>();
  const lengthSets = new Map<string, Set<number>>();
  for (const [phrase, value] of pairs) {
    const tokens = tokenize(phrase);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) throw new Error(`phrase "${phrase}" has no words`);
    const key = phraseKey(phrase, first, last, caseSensitive);
    const known = values.get(key);
    if (known !== undefined) {
      if (known !== value) options.onConflict?.(phrase, known, value);
      continue;
    }
    values.set(key, value);
    const word = caseSensitive ? first.text : first.text.toLowerCase();
    const lengths = lengthSets.get(word) ?? new Set<number>();
    lengths.add(tokens.length);
    lengthSets.set(word, lengths);
  }
  const lengths = new Map([...lengthSets].map(([word, set]) => [word, [...set].sort((a, b) => b - a)]));
  return { caseSensitive, values, lengths };
}

/** Every indexed phrase in `text`, in order, longest first where phrases overlap. */
export function findPhrases<T>(text: string, index: PhraseIndex<T>): Array<PhraseMatch<T>> {
  const matches: Array<PhraseMatch<T>> = [];
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lengths = index.lengths.get(index.caseSensitive ? token.text : token.text.toLowerCase());
    if (!lengths) continue;
    for (const length of lengths) {
      const last = tokens[i + length - 1];
      if (!last) continue;
      const value = index.values.get(phraseKey(text, token, last, index.caseSensitive));
      if (value === undefined) continue;
      matches.push({ value, offset: token.start });
      i += length - 1;
      break;
    }
  }
  return matches;
}

// Text as a reader sees it. Titles, summaries, topics, tags, bylines and captions are shown,
// compared and made into slugs: a character that draws nothing (a zero-width space, a bidi
// override, a stray control character) would make two tags that read alike two tag pages, a
// title that looks empty, or a file name that reads backwards ("Invoice \u202Egnp.exe" shows as
// "Invoice exe.png"). Such characters are removed from those fields before anything else sees
// them; the article body is left as written. And text is cut only between graphemes (what a
// reader takes for one character: a letter with its accents, an emoji with its skin tone), so no
// cut leaves half a character (a lone surrogate, which strict JSON parsers reject and which UTF-8
// writes as U+FFFD). docs/content-rules.md tells users the same rules.
//
// What is removed: every format character (Unicode category Cf) that is also default-ignorable
// (drawn as nothing), every control character (Cc) other than white space, and lone surrogates.
// Three kinds of format character are kept where they are part of what the reader sees:
// - the zero-width joiner U+200D between two pictographs: it makes 👨‍👩‍👧 one family emoji;
// - the zero-width joiner and non-joiner U+200C between letters of a script that joins or forms
//   conjuncts (Arabic script, as in Persian "می‌خواهم", the Indic scripts...): they change the
//   shape of the word. Between Latin, Greek or Cyrillic letters they change nothing visible and
//   are removed, so "Alma\u200Cty" and "Almaty" are one tag;
// - tag characters U+E0020..E007F after a pictograph, ending in U+E007F: flags such as Scotland's.
// Format characters that are visible (the Arabic number sign U+0600, Egyptian hieroglyph
// controls) are not default-ignorable and are kept.

/** A cheap first look: a text without any of these has nothing to remove. */
const MAY_HOLD_INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}]/u;
const FORMAT = /\p{Cf}/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const CONTROL = /\p{Cc}/u;
/** Half of a character written as two UTF-16 units, without its other half. */
const LONE_SURROGATE = /\p{Cs}/u;
const WHITE_SPACE = /\p{White_Space}/u;
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const CANCEL_TAG = '\u{E007F}';
const TAG = /[\u{E0020}-\u{E007F}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** What may stand between a pictograph and its joiner: the emoji presentation selector and skin tones. */
const EMOJI_TRAILER = /[\uFE0F\p{Emoji_Modifier}]/u;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
/** Scripts whose letters a joiner or non-joiner does not change. */
const UNJOINED_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]/u;
/** Characters that draw something: what "not empty" means for a field. */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}]/u;

/**
 * `text` without the characters that draw nothing (see the top of this file): what a title,
 * summary, term or name is shown, compared and slugged as. Other characters are kept as they are
 * (no trimming, no normalisation); a text with nothing to remove is returned as it is.
 */
export function visibleText(text: string): string {
  if (!MAY_HOLD_INVISIBLE.test(text)) return text;
  const chars = [...text];
  let kept = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!isInvisible(char) || isShaping(chars, i)) kept += char;
  }
  return kept;
}

/** A format character that draws nothing, a control character other than white space, or a lone surrogate. */
function isInvisible(char: string): boolean {
  return (FORMAT.test(char) && IGNORABLE.test(char)) || (CONTROL.test(char) && !WHITE_SPACE.test(char)) || LONE_SURROGATE.test(char);
}

/** A letter of a script where a joiner or non-joiner shapes the word (not Latin, Greek or Cyrillic). */
function isJoiningLetter(char: string): boolean {
  return LETTER.test(char) && !UNJOINED_SCRIPT.test(char);
}

/** Whether `text` has a character a reader can see (white space and invisible characters aside). */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(visibleText(text));
}

/** Whether the invisible character at `i` is part of what the reader sees there (see the top). */
function isShaping(chars: readonly string[], i: number): boolean {
  const char = chars[i]!;
  if (char === ZWJ || char === ZWNJ) {
    if (char === ZWJ && PICTOGRAPH.test(chars[i + 1] ?? '') && PICTOGRAPH.test(baseBefore(chars, i, EMOJI_TRAILER))) return true;
    const next = chars[i + 1] ?? '';
    return isJoiningLetter(baseBefore(chars, i, MARK)) && (isJoiningLetter(next) || MARK.test(next));
  }
  if (TAG.test(char)) {
    // A run of tags after a pictograph, closed by the cancel tag: a flag such as Scotland's.
    let start = i;
    while (start > 0 && TAG.test(chars[start - 1]!)) start--;
    let end = i;
    while (end < chars.length - 1 && TAG.test(chars[end + 1]!) && chars[end] !== CANCEL_TAG) end++;
    return chars[end] === CANCEL_TAG && start < end && PICTOGRAPH.test(chars[start - 1] ?? '');
  }
  return false;
}

/** The character before `i`, skipping those `skipped` matches (marks on a letter, modifiers on an emoji). */
function baseBefore(chars: readonly string[], i: number, skipped: RegExp): string {
  let at = i - 1;
  while (at >= 0 && skipped.test(chars[at]!)) at--;
  return chars[at] ?? '';
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` that is at most `length` UTF-16 code units long and ends between
 * two graphemes: never half an emoji, a letter without its accent, or a lone surrogate.
 */
export function cutAtGrapheme(text: string, length: number): string {
  if (text.length <= length) return text;
  // Whether a break falls at `length` depends on the code point after it, no further.
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, length + 2))) {
    if (index + segment.length > length) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** Characters a message shows as escapes: those that draw nothing or move others (see escapeInvisible). */
const ESCAPED = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** Default-ignorable, but part of how an emoji or a letter looks: left as they are. */
const VARIATION_SELECTOR = /\p{Variation_Selector}/u;

/**
 * `text` with every character that draws nothing, or reorders what follows (bidi controls),
 * written as \uXXXX escapes: for error messages, where "\u200B" must be seen and "\u202E" must
 * not turn the rest of the line around. Variation selectors (the one in ❤️) stay.
 */
export function escapeInvisible(text: string): string {
  return text.replace(ESCAPED, (char) =>
    VARIATION_SELECTOR.test(char) ? char : Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join(''),
  );
}

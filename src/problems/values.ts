// How a value from the user's files appears in a message: as JSON (strings quoted), with the
// characters that draw nothing written as escapes so the user sees them ("\u200B"), and a long
// value cut between two graphemes, never inside an emoji. Shared by the catalogue and its parts.

import { cutAtGrapheme, escapeInvisible } from '../visible-text.js';

/** The longest value a message shows whole. */
const SHOWN_LENGTH = 80;

/** A value as it appears in a message: strings quoted, invisible characters escaped, long values cut. */
export function showValue(value: unknown): string {
  const text = escapeInvisible(JSON.stringify(value) ?? String(value));
  return text.length > SHOWN_LENGTH ? `${cutAtGrapheme(text, SHOWN_LENGTH - 3)}...` : text;
}

// micromark's edit map, made to cost what it changes. When a list item, quote or footnote closes,
// micromark moves the exit events of the closed containers a little way back in the document's
// event list, through micromark-util-edit-map's EditMap. Its `consume` rebuilds the whole list
// for each such edit, copying every event before the first change: time that grows with the
// square of the events, so a list switching between two levels line by line took 99 s for
// 195 KB of text. This module replaces `consume` (on the one EditMap class every micromark
// package here shares) with one that keeps the events before the first change where they are and
// rebuilds only the rest: the same list afterwards, in time that grows with the size of the change.
// The same 195 KB then take 2.4 s. test/render-limits.test.ts compares the two on random edits.
//
// Imported for its effect by parse-in-parts.ts, before any Markdown is parsed.

import { EditMap } from 'micromark-util-edit-map';

type Event = Parameters<EditMap['consume']>[0][number];

/** The library's own consume, kept for tests. */
export const libraryConsume = EditMap.prototype.consume;

/** How many edits the replacement has applied (tests check that micromark goes through it). */
export const editMapUse = { consumed: 0 };

/** Apply the recorded edits to `events`, as EditMap's consume does, touching only the events from the first edit on. */
function consume(this: EditMap, events: Event[]): undefined {
  const map = this.map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  editMapUse.consumed++;
  const first = map[0]![0];
  const rest = events.slice(first);
  events.length = first;
  const end = first + rest.length;
  for (let k = 0; k < map.length; k++) {
    const [at, remove, add] = map[k]!;
    for (const event of add) events.push(event);
    // The unchanged events up to the next edit; none where this edit removes past it.
    const to = k + 1 < map.length ? map[k + 1]![0] : end;
    for (let i = at + remove; i < to; i++) events.push(rest[i - first]!);
  }
  map.length = 0;
  this.index.clear();
}

EditMap.prototype.consume = consume;

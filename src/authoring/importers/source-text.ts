// The text of a source file an import reads (an export, a feed): its bytes decoded as the file
// says. A byte order mark names UTF-8 or UTF-16; else an XML declaration may name the encoding
// (a feed from an older CMS is often ISO-8859-1 or windows-1251); else the text is UTF-8, as XML
// and JSON require. Bytes that are not text in that encoding stop the import with their line and
// column: read anyway, each would become U+FFFD in every article, and the old text is lost.

import { TextDecoder } from 'node:util';
import { BuildFailure, problem } from '../../problems/index.js';
import { declaredEncoding } from './xml.js';

/** The text of `bytes`, the file `file` (see the top of this file); throws a BuildFailure it cannot decode. */
export function sourceText(bytes: Uint8Array, file: string): string {
  const { encoding, skip } = encodingOf(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new BuildFailure([problem('import-source', file, { line: 1, column: 1 }, { kind: 'encoding', encoding, reason: 'unknown' })]);
  }
  const body = bytes.subarray(skip);
  try {
    return decoder.decode(body);
  } catch {
    // Where the first byte that is not text is: the replacement character a lenient decode puts there.
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const at = Math.max(0, lenient.indexOf('\uFFFD'));
    const before = lenient.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    throw new BuildFailure([problem('import-source', file, { line, column }, { kind: 'encoding', encoding, reason: 'invalid' })]);
  }
}

/** The encoding of `bytes` and how many bytes its mark takes. */
function encodingOf(bytes: Uint8Array): { encoding: string; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  const declared = declaredEncoding(start.trimStart());
  // A declaration of UTF-16 in a file without a mark is read as what its bytes are: ASCII-compatible.
  return { encoding: declared && !/^utf-?16/i.test(declared) ? declared.toLowerCase() : 'utf-8', skip: 0 };
}

// One write to the output, whole or not at all: a build's whole site, or an update's few pages.
// The work writes through the output context (its writer and manifest); if it throws, the writer
// drops what it held and the manifest forgets what it recorded, so the output and what the
// manifest says of it stay as they were. If it succeeds, the writer commits (the whole output, or
// a patch removing the files the work names) and the manifest advances by the same change.

import type { WriteStats } from '../write/output-writer.js';
import { outputContext, type OutputContext, type OutputContextInput } from './context.js';

/** What the work of a transaction did: files the output no longer has (a patch), or undefined (the whole output), and its value. */
export interface TransactionWork<T> {
  /** A patch's files to delete (those written or kept meanwhile stay); undefined: the files written and kept are the whole output. */
  removed: Iterable<string> | undefined;
  value: T;
}

/**
 * Run `work` against an output context made of `input`, then commit (see the top of this file).
 * Returns the commit's figures and the work's value; throws what the work threw, having written nothing.
 */
export async function writeTransaction<T>(input: OutputContextInput, work: (context: OutputContext) => Promise<TransactionWork<T>>): Promise<{ stats: WriteStats; value: T }> {
  const { writer, manifest } = input;
  let done: TransactionWork<T>;
  try {
    done = await work(outputContext(input));
  } catch (error) {
    await writer.abort();
    manifest.discard();
    throw error;
  }
  const removed = done.removed && [...done.removed].filter((file) => !writer.files.has(file));
  let stats: WriteStats;
  try {
    stats = await writer.commit(removed);
  } catch (error) {
    // Refused before the output changed (after that, the output is the new one: nothing to undo).
    if (!writer.committed) {
      await writer.abort();
      manifest.discard();
    }
    throw error;
  }
  manifest.advance(removed);
  return { stats, value: done.value };
}

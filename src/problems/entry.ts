// The shape of a catalogue entry: how one problem code's texts are built from its arguments.
// Shared by the catalogue (catalogue.ts) and its parts (limits.ts).

/** An error stops the build; a warning is reported and stops it only under --strict. */
export type Severity = 'error' | 'warning';

/** Arguments of a code that needs none. */
export type NoArgs = Readonly<Record<string, never>>;

/** How one code's problems read. Functions of the code's arguments; absent ones add nothing. */
export interface CatalogueEntry<A> {
  /** A few words naming the problem (docs/errors.md's heading of the code). */
  title: string;
  /** What an author does about it, for every case of the code (docs/errors.md's text under the code). */
  help: string;
  /** Default error. */
  severity?: Severity | ((args: A) => Severity);
  /** The front-matter field or config key at fault. */
  field?: string | ((args: A) => string | undefined);
  message: (args: A) => string;
  expected?: (args: A) => string | undefined;
  actual?: (args: A) => string | undefined;
  /** The hint printed under the problem; without this entry the `help` text is printed. */
  hint?: (args: A) => string | undefined;
}


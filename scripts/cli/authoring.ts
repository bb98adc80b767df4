// The commands that write into the site rather than build it: new, import, init and eject. Each
// calls src/authoring/ and prints what it wrote.

import path from 'node:path';
import { printProblems, reportingFailures, textReporter } from './output.js';

/** The flags of new. */
export interface NewFlags {
  root?: string;
  topic?: string;
  tags?: string;
  date?: string;
  slug?: string;
  lang?: string;
}

/** Write a new article titled `title`; resolves to the exit code. */
export function runNew(title: string, flags: NewFlags): Promise<number> {
  return reportingFailures({ failed: 'No article written', unchanged: 'No file was created.' }, textReporter(flags.root ?? '.'), async () => {
    const { createArticle } = await import('../../src/authoring/new.js');
    const file = await createArticle({
      root: flags.root ?? '.',
      title,
      topic: flags.topic,
      tags: flags.tags?.split(',').map((tag) => tag.trim()).filter(Boolean),
      date: flags.date,
      slug: flags.slug,
      lang: flags.lang,
    });
    console.log(`Wrote ${file}`);
    return 0;
  });
}

/** The flags of import. */
export interface ImportFlags {
  root?: string;
  from?: string;
  uploads?: string;
  force?: boolean;
  dryRun?: boolean;
  quiet?: boolean;
}

/** Import each of `sources` into the site; resolves to the exit code. */
export function runImport(sources: readonly string[], flags: ImportFlags): Promise<number> {
  return reportingFailures({ failed: 'Import failed', unchanged: 'Nothing was written: fix the source and import again.' }, textReporter(flags.root ?? '.'), async () => {
    const { importSource, importSummary } = await import('../../src/authoring/importers/import.js');
    const dryRun = flags.dryRun ?? false;
    for (const input of sources) {
      const outcome = await importSource(input, { root: flags.root ?? '.', from: flags.from, uploads: flags.uploads, force: flags.force, dryRun });
      printProblems(outcome.problems, flags.root ?? '.');
      if (!flags.quiet) {
        for (const file of outcome.written) console.log(`${dryRun ? 'Would write' : 'Wrote'} ${file}`);
        if (outcome.format === 'dump') for (const file of outcome.alreadyImported) console.log(`Skipped ${file} (exists; --force to overwrite)`);
        console.log(importSummary(outcome, input, dryRun));
      }
    }
    return 0;
  });
}

/** The flags of eject. */
export interface EjectFlags {
  root?: string;
  force?: boolean;
}

/** Copy default templates into the site, or list them; resolves to the exit code. */
export function runEject(names: readonly string[], flags: EjectFlags, usage: (message: string) => never): Promise<number> {
  return reportingFailures({ failed: 'Nothing ejected', unchanged: 'No template was copied.' }, textReporter(flags.root ?? '.'), async () => {
    const { defaultTemplateFiles, ejectTemplates, templateFilesNamed, UnknownTemplate } = await import('../../src/authoring/eject.js');
    if (names.length === 0) {
      console.log("Broadsheet's default templates (broadsheet eject NAME copies one into templates/ to edit):");
      for (const file of defaultTemplateFiles()) console.log(`  ${file}`);
      return 0;
    }
    let files: string[];
    try {
      files = templateFilesNamed(names);
    } catch (error) {
      if (error instanceof UnknownTemplate) usage(error.message);
      throw error;
    }
    const { checkSiteFolder } = await import('../../src/config-folders.js');
    const { CONFIG_FILES, loadConfig } = await import('../../src/config.js');
    const root = flags.root ?? '.';
    checkSiteFolder(path.resolve(root), CONFIG_FILES);
    const config = await loadConfig(root);
    for (const file of ejectTemplates(config.templatesPath, files, { force: flags.force })) {
      console.log(`Copied ${path.relative(process.cwd(), path.join(config.templatesPath, file)) || file}`);
    }
    console.log('The site now uses these copies instead of the defaults; the other templates still come from Broadsheet.');
    return 0;
  });
}

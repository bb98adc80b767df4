// The facts and the sentence of a refused output or cache folder setting (config-folders.ts checks
// the rules; the config-invalid entry of catalogue.ts reports them with this text).

/** A folder setting that must be a folder of its own (config-folders.ts). */
export type FolderKey = 'outDir' | 'cacheDir';

/** Folder settings of the site's config. */
export type FolderSetting = FolderKey | 'contentDir' | 'templatesDir' | 'staticDir';

/** Why an output or cache folder setting is refused (config-folders.ts). */
export type FolderClash =
  | { kind: 'file-system-root' }
  | { kind: 'site-folder' }
  | { kind: 'above-site' }
  | { kind: 'same' | 'inside' | 'contains'; other: FolderSetting; otherValue: string }
  | { kind: 'trees'; trees: string };

/** Why an output or cache folder setting is refused (config-folders.ts), in one sentence. */
export function folderClashMessage(key: FolderKey, value: string, clash: FolderClash, flag?: string): string {
  const folder = `the ${key === 'outDir' ? 'output' : 'cache'} folder ${value}${flag ? ` (given with ${flag}, not in the config)` : ''}`;
  const where =
    clash.kind === 'file-system-root' ? "is the file system's root"
    : clash.kind === 'site-folder' ? 'is the site folder itself'
    : clash.kind === 'above-site' ? 'contains the site folder'
    : clash.kind === 'trees' ? `is, holds or sits in ${clash.trees}, where Broadsheet keeps the output's trees`
    : `${clash.kind === 'same' ? 'is the same folder as' : clash.kind === 'inside' ? 'is inside' : 'contains'} ${clash.other} (${clash.otherValue})`;
  const why =
    key === 'outDir'
      ? 'Broadsheet replaces its output folder whole at every build'
      : 'Broadsheet deletes files it no longer needs from its cache folder';
  return `${folder} ${where}, and ${why}`;
}


// Input files Broadsheet cannot read: a file or folder name that is not UTF-8 (a Windows-1251
// "новость.md" from a zip), and a file this user may not read. Each is one clear line naming the
// file, exit code 1, no stack trace, and the output folder exactly as it was.
//
// Names are made with Buffer paths (Linux keeps a name's bytes as they are). Permissions are real:
// as root, who reads any file whatever its mode, the CLI runs as the unprivileged user `nobody`
// (setpriv) on a site folder handed to that user; as any other user it runs as that user.

import { execFile } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { tracked } from './helpers/children.js';
import { snapshot } from './helpers/output.js';
import { photo } from './helpers/photos.js';
import { rebuildWith } from './helpers/rebuild.js';
import { article, makeSite, REPO, runCli, type CliResult } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const GOOD = {
  'site.config.ts': `export default { title: 'Steppe Times' };\n`,
  'content/2025/12/good.md': article({ title: 'A good article', date: '2025-12-18 19:20' }),
  'static/robots-extra.txt': 'Extra\n',
};

/** "новость" as Windows-1251 writes it: not UTF-8. */
const CP1251 = Buffer.from([0xed, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xfc]);
const SHOWN = '\\xED\\xEE\\xE2\\xEE\\xF1\\xF2\\xFC';

/** A path in `root` whose last part is `name` (bytes) plus `extension`, under the folder `folder`. */
function bytePath(root: string, folder: string, name: Buffer, extension = ''): Buffer {
  return Buffer.concat([Buffer.from(path.join(root, folder) + path.sep), name, Buffer.from(extension)]);
}

describe('a file or folder name that is not UTF-8', () => {
  it('is refused by name with its bytes shown, in content/, as a folder, in templates/ and static/; dist/ unchanged', async () => {
    const run = await rebuildWith(GOOD, (root) => {
      writeFileSync(bytePath(root, 'content/2025/12', CP1251, '.md'), article({ title: 'Новость', date: '2025-12-18' }));
      mkdirSync(bytePath(root, 'content', CP1251));
      writeFileSync(Buffer.concat([bytePath(root, 'content', CP1251), Buffer.from('/inside.md')]), article({ title: 'Inside', date: '2025-12-18' }));
      mkdirSync(path.join(root, 'templates'));
      writeFileSync(bytePath(root, 'templates', CP1251, '.liquid'), 'x');
    }, NOW);
    expect(run.ok).toBe(false);
    expect(run.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`).sort()).toEqual([
      `content/2025/12/${SHOWN}.md:1:1 file-name-encoding`,
      `content/${SHOWN}:1:1 file-name-encoding`,
      `templates/${SHOWN}.liquid:1:1 file-name-encoding`,
    ]);
    expect(run.report).toContain(
      `content/2025/12/${SHOWN}.md:1:1 error the file name is not UTF-8 text, so Broadsheet can neither read nor publish it (the bytes that are not are shown as \\xNN); expected a name in UTF-8, as every current system writes names [file-name-encoding]\n` +
        '    hint: rename it (from Windows-1251: convmv -f cp1251 -t utf8 --notest FILE); unzip archives made on Windows with unzip -O cp866 (or -O cp1251)',
    );
    expect(run.report).toContain(`content/${SHOWN}:1:1 error the folder name is not UTF-8 text`);
    expect(run.after).toEqual(run.before);
  });

  it('in static/ is refused too, and the output folder is left as it was', async () => {
    const run = await rebuildWith(GOOD, (root) => writeFileSync(bytePath(root, 'static', CP1251, '.jpg'), 'photo'), NOW);
    expect(run.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([`static/${SHOWN}.jpg:1:1 file-name-encoding`]);
    expect(run.after).toEqual(run.before);
  });

  it('is shown with the UTF-8 part of the name as it reads', async () => {
    const run = await rebuildWith(GOOD, (root) => writeFileSync(bytePath(root, 'content/2025/12', Buffer.concat([Buffer.from('итоги-'), CP1251]), '.md'), article({ title: 'X', date: '2025-12-18' })), NOW);
    expect(run.problems.map((p) => p.file)).toEqual([`content/2025/12/итоги-${SHOWN}.md`]);
  });

  it('of a file in content/ that is no article is left alone: nothing reads it', async () => {
    const root = makeSite(GOOD);
    writeFileSync(bytePath(root, 'content/2025/12', CP1251, '.txt'), 'notes');
    const result = await build({ root, now: NOW, threads: 1 });
    expect(result.warnings).toEqual([]);
  });

  it('fails `broadsheet build` with exit code 1 and no stack trace', async () => {
    const root = makeSite(GOOD);
    writeFileSync(bytePath(root, 'content/2025/12', CP1251, '.md'), article({ title: 'Новость', date: '2025-12-18' }));
    const result = await runCli(['build'], root, { SOURCE_DATE_EPOCH: String(NOW / 1000) });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at |ENOENT|\uFFFD/);
    expect(result.stderr).toContain(`content/2025/12/${SHOWN}.md:1:1 error the file name is not UTF-8 text`);
  });
});

/** The user the CLI runs as: `nobody` when the tests run as root, else the tests' own user. */
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Hand the site folder to the user the CLI runs as. */
function handOver(root: string): void {
  if (!AS_ROOT) return;
  const all = [root, ...readdirSync(root, { recursive: true }).map((entry) => path.join(root, String(entry)))];
  for (const file of all) chownSync(file, NOBODY, NOBODY);
}

/** `broadsheet build` in `root`, as a user file modes apply to (see the top of this file). */
function buildAsUser(root: string): Promise<CliResult> {
  const cli = path.join(REPO, 'bin/broadsheet.js');
  const [command, args] = AS_ROOT
    ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, cli, 'build']]
    : [process.execPath, [cli, 'build']];
  return new Promise((resolve) => {
    tracked(
      execFile(command, args, { cwd: root, env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(NOW / 1000) } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      }),
    );
  });
}

/** A site built once, then an input file changed (so it must be read again) and made unreadable, then built again as the user. */
async function unreadableRebuild(file: string, text: string, extra: Record<string, string> = {}) {
  const root = makeSite({ ...GOOD, ...extra });
  await build({ root, now: NOW, threads: 1 });
  const dist = path.join(root, 'dist');
  const before = snapshot(dist);
  writeFileSync(path.join(root, file), text);
  handOver(root);
  chmodSync(path.join(root, file), 0o000);
  const result = await buildAsUser(root);
  return { result, before, after: snapshot(dist) };
}

describe('an input file this user may not read', () => {
  const cases = [
    { what: 'an article', file: 'content/2025/12/good.md', text: article({ title: 'Edited', date: '2025-12-18 19:20' }) },
    { what: 'the authors file', file: 'content/authors.yaml', text: '- name: Aigerim Sultanova\n' },
    { what: 'a template', file: 'templates/home.liquid', text: 'Home\n', extra: { 'templates/home.liquid': 'Old home\n' } },
    { what: 'a static file', file: 'static/robots-extra.txt', text: 'Edited\n' },
  ];
  for (const c of cases) {
    it(`(${c.what}) is one line asking for read access, exit code 1, dist/ unchanged`, async () => {
      const { result, before, after } = await unreadableRebuild(c.file, c.text, c.extra);
      expect(result.code).toBe(1);
      // One line; the output folder's fate is added when the failure came inside the build's write.
      const line = `Build failed: Permission denied: this user may not read ${c.file} (EACCES). Give this user read access (check with ls -l).`;
      expect([line, `${line} The output folder is unchanged.`]).toContain(result.stderr.trimEnd());
      expect(after).toEqual(before);
    });
  }

  it('(an image) is a problem at its reference saying so, not "not an image … export it again"', async () => {
    const root = makeSite(GOOD);
    await build({ root, now: NOW, threads: 1 });
    const before = snapshot(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'content/2025/12/photo.jpg'), await photo(400, 300));
    writeFileSync(path.join(root, 'content/2025/12/lead.md'), article({ title: 'Lead', date: '2025-12-18', image: 'photo.jpg', imageAlt: 'A photo' }));
    handOver(root);
    chmodSync(path.join(root, 'content/2025/12/photo.jpg'), 0o000);
    const result = await buildAsUser(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'content/2025/12/lead.md:4:8 error image: the lead image "photo.jpg" (content/2025/12/photo.jpg) may not be read by this user (EACCES); expected read access to the file for the user running Broadsheet [image-unreadable]\n' +
        '    hint: give this user read access (check with ls -l)',
    );
    expect(result.stderr).not.toMatch(/export it again|\n\s+at /);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
    expect(statSync(path.join(root, 'content/2025/12/photo.jpg')).mode & 0o777).toBe(0);
  });
});

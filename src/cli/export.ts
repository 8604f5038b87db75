import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { stringifyOrgYaml } from '../orgdoc/parse.js';
import { type Command, parseOptions, TODAY_OPTION, withOperator } from './command.js';
import { badInput, badUsage } from './failures.js';

/** Why a file cannot be written, worded to follow its name: `out/org.yaml: no such folder`. */
function unwritable(error: unknown): string {
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such folder';
  if (code === 'EISDIR') return 'a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'not allowed to write it';
  return `cannot write it (${code})`;
}

/** The file's owner and mode, or null when it is not a file there (the write says why). */
function fileThere(file: string) {
  try {
    const found = statSync(file);
    return found.isFile() ? found : null;
  } catch {
    return null;
  }
}

/**
 * Makes a file there before owner-only, or refuses it, writing nothing: another user's (root
 * may write it, but it would keep its owner, who reads the org) or one kept read-only. Told by
 * the file's owner and mode, not by what this user may do: root may do anything (a review).
 */
function ownerOnly(file: string, { uid, mode }: { uid: number; mode: number }): void {
  const me = process.getuid?.(); // none on Windows, whose files have no such owner
  if (me !== undefined && uid !== me) {
    throw badInput(
      `${file}: another user's file, which would keep its mode and let others read the org: nothing was written; remove it, or export to another file`,
    );
  }
  if ((mode & 0o200) === 0) {
    throw badInput(`${file}: kept read-only: nothing was written; export to another file`);
  }
  chmodSync(file, 0o600);
}

export const exportCommand: Command = {
  async run(args, io) {
    const { positionals: files, values } = parseOptions({
      args,
      options: TODAY_OPTION,
      allowPositionals: true,
    });
    const [file] = files;
    if (files.length > 1) throw badUsage('export takes at most one FILE');
    const { today } = values;
    const { exportOrg } = await withOperator(io, today, (org) =>
      org.ask<{ exportOrg: unknown }>('{ exportOrg }'),
    );
    const yaml = file !== undefined && /\.ya?ml$/i.test(file);
    const text = yaml ? stringifyOrgYaml(exportOrg) : `${JSON.stringify(exportOrg, null, 2)}\n`;
    // `-` is stdout, as for every Unix tool.
    if (file === undefined || file === '-') io.out(text);
    else {
      // A file there before keeps its mode when written: the org, bench and all, would be as
      // readable as the file was. So it is made owner-only first, or left as it was.
      const there = fileThere(file);
      if (there) ownerOnly(file, there);
      try {
        writeFileSync(file, text, { mode: 0o600 });
      } catch (error) {
        throw badInput(`${file}: ${unwritable(error)}`);
      }
      io.err(`Wrote ${file}\n`);
    }
    return 0;
  },
};

import { accessSync, chmodSync, constants, statSync, writeFileSync } from 'node:fs';
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

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false; // not there yet (or not to be seen): the write says why
  }
}

function ownerOnly(file: string): void {
  try {
    accessSync(file, constants.W_OK); // one kept read-only stays so, unwritten
    chmodSync(file, 0o600);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code !== 'EPERM') throw badInput(`${file}: ${unwritable(error)}`);
    throw badInput(
      `${file}: another user's file, which would keep its mode and let others read the org: nothing was written; remove it, or export to another file`,
    );
  }
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
      // readable as the file was. So it is made owner-only first; another user's, which this
      // one may not chmod, is left as it was (written, its mode stayed, and "not allowed" was
      // said of a file written: a review).
      if (isFile(file)) ownerOnly(file);
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

import type { CliIo } from './command.js';

type Counts = Record<string, number>;
export interface ImportPayload {
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  plan?: { summary: string }[];
  userErrors: { path: string | null; message: string }[];
}

/** How many lines of each list fit a terminal with the summary and the counts around them. */
const SCREENFUL = 20;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const total = (counts: Counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

function countsTable({ created, updated, unchanged }: ImportPayload): string {
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  const lines = [`${''.padEnd(16)}${pad('created', 9)}${pad('updated', 9)}${pad('unchanged', 11)}`];
  for (const kind of Object.keys(created)) {
    const row = [
      pad(created[kind] ?? 0, 9),
      pad(updated[kind] ?? 0, 9),
      pad(unchanged[kind] ?? 0, 11),
    ];
    lines.push(`${kind.padEnd(16)}${row.join('')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What an import tells: one summary line with the counts first, then the details — problems,
 * warnings, the plan of a dry run, the counts by kind — each list cut at a screenful unless
 * `verbose`. A refused import says it all on stderr.
 */
export class ImportReport {
  constructor(
    private readonly io: Pick<CliIo, 'out' | 'err'>,
    /** What was imported: the file's name, or `the demo org`. */
    private readonly file: string,
    private readonly verbose: boolean,
  ) {}

  private list(write: (text: string) => void, title: string, lines: string[]): void {
    if (lines.length === 0) return;
    write(`${title}:\n`);
    const shown = this.verbose ? lines : lines.slice(0, SCREENFUL);
    for (const line of shown) write(`  ${line}\n`);
    const more = lines.length - shown.length;
    if (more > 0) write(`  … and ${more} more (--verbose lists them all)\n`);
  }

  refused(problems: string[], warnings: string[]): number {
    const { err } = this.io;
    const counts = `${plural(problems.length, 'problem')}, ${plural(warnings.length, 'warning')}`;
    err(`${this.file}: ${counts}; nothing was imported.\n`);
    this.list(err, 'Problems', problems);
    this.list(err, 'Warnings', warnings);
    return 2;
  }

  done(payload: ImportPayload, warnings: string[], dryRun: boolean): number {
    const { out } = this.io;
    const [created, updated, unchanged] = [payload.created, payload.updated, payload.unchanged];
    const counts = dryRun
      ? `dry run, nothing was written: ${total(created)} to create, ${total(updated)} to update`
      : `imported: ${total(created)} created, ${total(updated)} updated`;
    out(
      `${this.file}: ${counts}, ${total(unchanged)} unchanged; ${plural(warnings.length, 'warning')}.\n`,
    );
    this.list(out, 'Warnings', warnings);
    if (dryRun) {
      const plan = (payload.plan ?? []).map(({ summary }) => summary);
      if (plan.length === 0) out('Plan: no change.\n');
      this.list(out, `Plan (${plural(plan.length, 'change')})`, plan);
    }
    out(countsTable(payload));
    return 0;
  }
}

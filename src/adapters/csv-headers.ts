import type { Column, CsvColumn } from './csv-columns.js';

/** A header without case, spaces or punctuation: how our own column names find theirs. */
export const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
/** A header as `--columns` names it: its text, case and surrounding spaces aside. */
export const byText = (header: string) => header.trim().toLowerCase();
/** A header without the notes Google Workspace adds to it: `Email Address [Required]`. */
export const plain = (header: string) => squash(header.replace(/\[[^\]]*\]/g, ''));

/**
 * A header read for one of our columns that heads two columns: which one is meant is unsaid.
 * Alike as the column was found: a header named in `--columns` by its text (case and spaces
 * aside: `メール`, `Employee` beside `Employee #`); one found by our name without regard to
 * punctuation too (`E-mail` and `Email` for `email`).
 */
export function twiceHeaded(
  header: string[],
  at: Map<CsvColumn, Column>,
  mapped: Partial<Record<string, string>>,
): string | null {
  for (const [column, { indexes }] of at) {
    const key = mapped[column] === undefined ? squash : byText;
    for (const index of indexes) {
      const name = header[index] as string;
      const same = header.flatMap((h, i) => (key(h) === key(name) ? [i + 1] : []));
      if (same.length > 1) {
        return `"${name}" heads columns ${same.join(', ')}: which one to read is unsaid (rename the others)`;
      }
    }
  }
  return null;
}

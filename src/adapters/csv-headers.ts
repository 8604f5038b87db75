/** A header without case, spaces or punctuation: how our own column names find theirs. */
export const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
/** A header as `--columns` names it: its text, case and surrounding spaces aside. */
const byText = (header: string) => header.trim().toLowerCase();
/** A header without the notes Google Workspace adds to it: `Email Address [Required]`. */
export const plain = (header: string) => squash(header.replace(/\[[^\]]*\]/g, ''));

/**
 * The headers `wanted` names, of those not `taken`: a name given in `--columns`, the headers
 * that are its text (case and spaces aside), else those alike without regard to punctuation;
 * one of our own names (`email`), those alike without regard to case, spaces or punctuation
 * (`E-mail`, `Email`). A name of no Latin letter or digit is alike to none without its
 * punctuation: `メール` would be alike to every header written in another script, and to an
 * empty one.
 */
export function headersNamed(
  wanted: string,
  headers: string[],
  { given, taken }: { given: boolean; taken: ReadonlySet<number> },
): number[] {
  const alike = (key: (header: string) => string) =>
    headers.flatMap((header, i) => (!taken.has(i) && key(header) === key(wanted) ? [i] : []));
  const loose = squash(wanted) === '' ? [] : alike(squash);
  if (!given) return loose;
  const exact = alike(byText);
  return exact.length > 0 ? exact : loose;
}

export type Cells = { indexes: number[] } | { lacking: string } | { twice: number[] };

/**
 * `First Name+Last Name` as the cells it joins, the part the header lacks, or the headers one
 * part names when it names several (which one to read is unsaid); a header that itself has a
 * `+` wins.
 */
export function cellsOf(
  wanted: string,
  headers: string[],
  how: Parameters<typeof headersNamed>[2],
): Cells {
  const whole = headersNamed(wanted, headers, how);
  const parts = whole.length > 0 ? [wanted] : wanted.split('+').map((part) => part.trim());
  const found = parts.map((part) => ({
    part,
    at: part === wanted ? whole : headersNamed(part, headers, how),
  }));
  const lacking = found.find(({ at }) => at.length === 0);
  if (lacking) return { lacking: lacking.part };
  const twice = found.find(({ at }) => at.length > 1);
  if (twice) return { twice: twice.at };
  return { indexes: found.map(({ at }) => at[0] as number) };
}

/** A header read for one of our columns that heads two columns: which one is meant is unsaid. */
export const twiceHeaded = (header: string[], indexes: number[]) =>
  `"${header[indexes[0] as number]}" heads columns ${indexes.map((i) => i + 1).join(', ')}: ` +
  'which one to read is unsaid (rename the others)';

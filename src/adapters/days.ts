import { daySchema } from '../orgdoc/document.js';

/** The ways HR exports write a day; ISO is the default. Day-first with slashes: the UK's. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

// Spreadsheets drop leading zeros (3/5/2021): one or two digits for months and days.
const PATTERNS: Record<DateFormat, RegExp> = {
  'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$/,
  'MM/DD/YYYY': /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})$/,
  'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})$/,
  'DD.MM.YYYY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$/,
};

/** The cell as written in `format`, as an ISO day; null when it is not one. */
function asIso(cell: string, format: DateFormat): string | null {
  const { y, m = '', d = '' } = PATTERNS[format].exec(cell.trim())?.groups ?? {};
  return y === undefined ? null : `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * A cell as an ISO day, or the one message saying why it is not: naming the formats that
 * would read it when others would (`03/15/2021` under the default format), both when a day
 * reads either way (`03/04/2021`: only the file's writer knows which).
 */
export function readDay(cell: string, format: DateFormat): { day: string } | { problem: string } {
  const iso = asIso(cell, format);
  if (iso !== null) {
    const day = daySchema.safeParse(iso);
    if (day.success) return { day: day.data };
    const why = day.error.issues[0]?.message ?? 'not a day';
    // `13/04/2021` as MM/DD/YYYY: no such day, but a UK file's 13 April.
    return {
      problem: `"${cell}": ${why === 'Invalid ISO date' ? 'no such day' : why}${hint(cell)}`,
    };
  }
  return { problem: `"${cell}" is not a ${format} date${hint(cell)}` };
}

/** The formats that read a cell as a day, as the words that close its problem ('' for none). */
function hint(cell: string): string {
  const fits = DATE_FORMATS.filter((other) => {
    const candidate = asIso(cell, other);
    return candidate !== null && daySchema.safeParse(candidate).success;
  });
  if (fits.length === 0) return '';
  const either = fits.length > 1 ? ': whichever the file writes' : '';
  return ` (--date-format ${fits.join(' or ')} reads it${either})`;
}

import { CsvError, type Info, parse } from 'csv-parse/sync';
import { checkFileSize, FileLimitError } from '../orgdoc/file-limits.js';
import type { SourceProblem } from './source-map.js';

/** The cells of one line of a CSV file. */
export type Cells = string[];

/** What csv-parse's errors mean, said as a person fixing the file would look for it. */
const BROKEN: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (the file ends inside it)',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted cell is not doubled ("")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a quoted cell',
  INVALID_OPENING_QUOTE:
    'a quote inside a cell that does not start with one (quote the cell and double the quote)',
};

/**
 * Where the file stops being CSV, by line as an editor shows it: an unclosed quote runs to the
 * end of the file, so it is told where its row starts (after the rows read whole).
 */
function brokenAt(
  error: CsvError,
  text: string,
  rowsEnd: number,
  cut: number,
  file: string | undefined,
): SourceProblem {
  // csv-parse puts its Info on the error: `bytes`, where it stopped (for a quote never
  // closed, the file's end; the row it opened starts after the last row read whole), in
  // the text read: the file's lines are `cut` more.
  const { code, bytes } = error as CsvError & Partial<Info>;
  const line = cut + lineAt(text, code === 'CSV_QUOTE_NOT_CLOSED' ? rowsEnd : (bytes ?? 0));
  const where = `${file ? `${file}, ` : ''}line ${line}`;
  // A break csv-parse names that the file's author would not recognise: where, not the code.
  const message = BROKEN[code] ?? 'not readable as CSV from here (save it again as "CSV UTF-8")';
  return { origin: { order: line, text: where }, message };
}

/**
 * The line of `text` that its byte `bytes` is on, each CRLF, LF or CR one break: csv-parse's
 * own `lines` count a CRLF inside a quoted cell (a web form's line break) as two.
 */
function lineAt(text: string, bytes: number): number {
  const before = Buffer.from(text).subarray(0, bytes).toString();
  return 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The character between the header's cells (the first line not blank): a comma, or, when the
 * header has none, the semicolon or tab it has (Excel saves "CSV" with semicolons where a
 * comma writes decimals).
 */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '');
  const header = (first ?? '').replace(/"[^"]*"/g, '');
  return DELIMITERS.find((d) => header.includes(d)) ?? ',';
}

/** Excel's first line naming the separator (`sep=;`), which it reads and does not show. */
const EXCEL_SEPARATOR = /^\uFEFF?"?sep=(.)"?[ \t]*(\r?\n|$)/i;

/**
 * The text to read and its separator: the one a `sep=` line names, that line cut (Excel
 * shows the header as row 1 under it; `cut` lines put a problem at the file's line), else
 * the header's.
 */
function separated(text: string): { text: string; delimiter: string; cut: number } {
  const named = EXCEL_SEPARATOR.exec(text);
  if (!named) return { text, delimiter: delimiterOf(text), cut: 0 };
  return { text: text.slice(named[0].length), delimiter: named[1] as string, cut: 1 };
}

/** The file's records, or null when it is not CSV (told once: nothing else is). */
export function readRecords(input: string, file: string | undefined, problems: SourceProblem[]) {
  let rowsEnd = 0;
  const read = (record: Cells, { bytes }: Info) => {
    rowsEnd = bytes;
    return record;
  };
  const { text, delimiter, cut } = separated(input);
  try {
    checkFileSize(Buffer.byteLength(input));
    return parse(text, {
      bom: true,
      trim: true,
      relax_column_count: true,
      delimiter,
      on_record: read,
    });
  } catch (error) {
    if (error instanceof FileLimitError) problems.push({ origin: null, message: error.message });
    else if (error instanceof CsvError) problems.push(brokenAt(error, text, rowsEnd, cut, file));
    else throw error;
    return null;
  }
}

import { z } from 'zod';

// The shapes of orgraph's settings, each refusal in the operator's words ("a whole number,
// at least 1"), not the validation library's ("expected number, received NaN").

export const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'on or off' })
  .transform((value) => value === 'on' || value === 'true' || value === '1');

/** Digits only (at most `digits` of them), from `min` to `max`, each refusal said as `said`. */
const digitsFrom = (said: string, min: number, max: number, digits = 16) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${digits}}$`), said)
    .transform(Number)
    .pipe(z.number().min(min, said).max(max, said));

/** A whole number from `min` (to `max`): digits only, as a port is. */
export function whole(min: number, max = Number.MAX_SAFE_INTEGER) {
  const most = max < Number.MAX_SAFE_INTEGER ? ` and at most ${max}` : '';
  return digitsFrom(`a whole number, at least ${min}${most}`, min, max);
}

/** Milliseconds, from `min` (and why so many) to an hour. */
export const milliseconds = (min = 1, why?: string) =>
  digitsFrom(
    `milliseconds, at least ${min}${why ? ` (${why})` : ''} and at most 3600000`,
    min,
    3_600_000,
  );

/** A port: digits only (`" "` was 0, a random port; `0x11` was 17). */
export const port = digitsFrom('a port number, 0 to 65535', 0, 65535, 5);

/** A bearer secret: no whitespace (one read from a file, newline and all, never matched). */
export const secret = (min: number) =>
  z
    .string()
    .min(min, `at least ${min} characters`)
    .refine((value) => !/\s/.test(value), 'has whitespace (a line break from a file?): remove it');

/** A PostgreSQL connection URL (said once, whatever is wrong with it). */
export const postgresUrl = z
  .string()
  .refine(
    (url) => /^postgres(ql)?:\/\//i.test(url) && URL.canParse(url),
    'a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/orgraph',
  );

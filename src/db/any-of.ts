import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1::int[])`: a batch of keys as ONE array parameter. drizzle's `inArray`
 * spreads a list into one parameter per key, so a loader given 70,000 keys builds a statement
 * PostgreSQL refuses (at most 65,535 parameters) and every batch size is a new statement to
 * plan; one array parameter keeps a single stable statement whatever the batch.
 */
export function anyId(column: Column | SQL, ids: readonly number[]): SQL {
  return sql`${column} = any(${sql.param([...ids])}::int[])`;
}

/** `column = any($1::text[])`: as `anyId`, for text keys (slugs, lower-cased emails). */
export function anyText(column: Column | SQL, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::text[])`;
}

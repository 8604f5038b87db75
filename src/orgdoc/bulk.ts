import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';

/**
 * Set-based writes for the import. Rows travel as ONE jsonb parameter expanded by
 * `jsonb_to_recordset`, so a section is one statement whatever its size: no per-row round
 * trips and no 65,535-parameter limit to chunk around. Column names and SQL types come from
 * the drizzle table, so the statements follow the schema.
 */

type Insert<T extends PgTable> = T['$inferInsert'];
type Key<T extends PgTable> = keyof Insert<T> & string;

function json(value: unknown): SQL {
  return sql`${JSON.stringify(value)}::jsonb`;
}

/** A subquery of the given strings, for `x in ${textList(values)}` with one parameter. */
export function textList(values: Iterable<string>): SQL {
  return sql`(select jsonb_array_elements_text(${json([...values])}))`;
}

/** A subquery of the given integers, for `id in ${intList(ids)}` with one parameter. */
export function intList(values: Iterable<number>): SQL {
  return sql`(select (jsonb_array_elements_text(${json([...values])}))::integer)`;
}

function columnsOf<T extends PgTable>(table: T, keys: readonly Key<T>[]): PgColumn[] {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column;
  });
}

/** Rows keyed by database column names, as `jsonb_to_recordset` reads them. */
function recordsJson<T extends PgTable>(
  columns: PgColumn[],
  keys: readonly string[],
  rows: readonly Partial<Insert<T>>[],
  withId: boolean,
): SQL {
  const records = rows.map((row) => {
    const record: Record<string, unknown> = withId ? { id: (row as { id: number }).id } : {};
    keys.forEach((key, i) => {
      record[(columns[i] as PgColumn).name] = (row as Record<string, unknown>)[key] ?? null;
    });
    return record;
  });
  return json(records);
}

function recordType(columns: PgColumn[], withId: boolean): SQL {
  const defs = columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`);
  if (withId) defs.unshift(sql`id integer`);
  return sql.join(defs, sql`, `);
}

function rowsOf<R>(result: unknown): R[] {
  return (result as { rows: R[] }).rows;
}

/**
 * Inserts rows in one statement; with `keyColumn`, returns each new id with that column's
 * value (an email or slug) so later sections can refer to the new rows.
 */
export async function insertRows<T extends PgTable>(
  tx: Db,
  table: T,
  keys: readonly Key<T>[],
  rows: readonly Insert<T>[],
  keyColumn?: Key<T>,
): Promise<Array<{ id: number; key: string }>> {
  if (rows.length === 0) return [];
  const columns = columnsOf(table, keys);
  const names = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const returning = keyColumn
    ? sql` returning id, ${sql.identifier((columnsOf(table, [keyColumn])[0] as PgColumn).name)} as key`
    : sql``;
  const result = await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${recordsJson(columns, keys, rows, false)}) as v(${recordType(columns, false)})${returning}`,
  );
  return keyColumn ? rowsOf<{ id: number; key: string }>(result) : [];
}

/** Sets the given columns of many rows, each identified by `id`, in one statement. */
export async function updateRows<T extends PgTable>(
  tx: Db,
  table: T,
  keys: readonly Key<T>[],
  rows: readonly (Partial<Insert<T>> & { id: number })[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table, keys);
  const assignments = sql.join(
    columns.map((c) => sql`${sql.identifier(c.name)} = v.${sql.identifier(c.name)}`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${table} set ${assignments} from jsonb_to_recordset(${recordsJson(columns, keys, rows, true)}) as v(${recordType(columns, true)}) where ${table}.id = v.id`,
  );
}

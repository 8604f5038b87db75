import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

/**
 * Set-based writes. Rows travel as ONE jsonb parameter expanded by `jsonb_to_recordset`, so
 * a table's inserts (or updates) are one statement whatever their number: no per-row round
 * trips and no 65,535-parameter limit to chunk around. Column names and SQL types come from
 * the drizzle table, so the statements follow the schema.
 */

type Row = Record<string, unknown> & { id: number };

function columnsOf(table: PgTable): Array<[key: string, column: PgColumn]> {
  return Object.entries(getTableColumns(table) as Record<string, PgColumn>);
}

/** Rows keyed by database column names, as `jsonb_to_recordset` reads them. */
function recordsJson(columns: Array<[string, PgColumn]>, rows: readonly Row[]): SQL {
  const records = rows.map((row) =>
    Object.fromEntries(columns.map(([key, column]) => [column.name, row[key] ?? null])),
  );
  return sql`${JSON.stringify(records)}::jsonb`;
}

function recordType(columns: Array<[string, PgColumn]>): SQL {
  return sql.join(
    columns.map(([, c]) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`),
    sql`, `,
  );
}

const names = (columns: Array<[string, PgColumn]>) =>
  sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );

/**
 * `n` fresh ids of a table's identity column, in one statement: the sequence moved on by `n`
 * at once (a `nextval` per id cost an import of 100,000 people a second). The `nextval` and
 * the `setval` are two steps, so a caller must be the table's only writer meanwhile: every
 * insert into the org's tables is a draft saved under the org write lock (src/writes/run.ts).
 */
export async function allocateIds(tx: Db, table: PgTable, n: number): Promise<number[]> {
  const sequence = sql`pg_get_serial_sequence(${getTableName(table)}, 'id')`;
  const result = await tx.execute(
    sql`select (setval(${sequence}, nextval(${sequence}) + ${n}::int - 1) - ${n}::int + 1)::int as first`,
  );
  const [row] = (result as unknown as { rows: Array<{ first: number | string }> }).rows;
  const first = Number(row?.first);
  return Array.from({ length: n }, (_, i) => first + i);
}

/** Inserts whole rows, ids included (allocated beforehand), in one statement. */
export async function insertRows(tx: Db, table: PgTable, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table);
  await tx.execute(
    sql`insert into ${table} (${names(columns)}) overriding system value select ${names(columns)} from jsonb_to_recordset(${recordsJson(columns, rows)}) as v(${recordType(columns)})`,
  );
}

/** Sets every column of many rows, each identified by `id`, in one statement. */
export async function updateRows(tx: Db, table: PgTable, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table);
  const assignments = sql.join(
    columns
      .filter(([key]) => key !== 'id')
      .map(([, c]) => sql`${sql.identifier(c.name)} = v.${sql.identifier(c.name)}`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${table} set ${assignments} from jsonb_to_recordset(${recordsJson(columns, rows)}) as v(${recordType(columns)}) where ${table}.id = v.id`,
  );
}

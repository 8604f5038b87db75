import { count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { type ListOf, type PageArgs, sqlPage } from './pagination.js';

/** What a list of one table's rows holds: a condition (none: every row) and an order. */
export interface TableList {
  where?: SQL;
  orderBy: SQL[];
}

/** One page of a table's rows: a count and one offset/limit read of the same condition. */
export function tablePage<T extends PgTable>(
  db: Db,
  table: T,
  { where, orderBy }: TableList,
  page: PageArgs,
  list: ListOf,
) {
  return sqlPage(
    page,
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(table as PgTable)
        .where(where);
      return Number(row?.n ?? 0);
    },
    (offset, limit) =>
      db
        .select()
        .from(table as PgTable)
        .where(where)
        .orderBy(...orderBy)
        .offset(offset)
        .limit(limit) as Promise<T['$inferSelect'][]>,
    list,
  );
}

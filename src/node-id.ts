/**
 * The `id` option of every loadable node: rows have integer keys, and a global id that does
 * not decode to one (tampered, or of another type) loads nothing instead of reaching SQL.
 */
export const rowId = {
  resolve: (row: { id: number }) => row.id,
  parse: (id: string) => (/^\d{1,9}$/.test(id) ? Number(id) : -1),
};

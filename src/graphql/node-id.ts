import { decodeGlobalID } from '@pothos/plugin-relay';

/**
 * The `id` option of every loadable node: rows have integer keys, and a global id that does
 * not decode to one (tampered, or of another type) loads nothing instead of reaching SQL.
 */
export const rowId = {
  resolve: (row: { id: number }) => row.id,
  parse: (id: string) => (/^(0|[1-9]\d{0,8})$/.test(id) ? Number(id) : -1),
};

/**
 * The row key of a global id given as input, when it names an object of `typename`; null
 * otherwise (malformed, tampered, another type), so mutations answer NOT_FOUND in their
 * userErrors instead of failing the whole request.
 */
export function rowKeyOf(globalId: string, typename: string): number | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename ? rowIdOrNull(decoded.id) : null;
  } catch {
    return null;
  }
}

function rowIdOrNull(id: string): number | null {
  const key = rowId.parse(id);
  return key < 0 ? null : key;
}

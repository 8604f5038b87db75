import { nextSlice, turnSpent } from './turn-budget.js';

/**
 * How deep a big answer is cut into pieces. Below it a value is one `JSON.stringify`: at 5, a
 * whole tree's `{data:{units:{nodes:[pillar…]}}}` is cut at each pillar's fields, so an Area
 * with its Teams is one piece (at L, 2,000 pieces of about 20 µs).
 */
const DEPTH = 5;

/**
 * The JSON text of `value`, exactly as `JSON.stringify(value)` writes it, written a slice per
 * event-loop turn (turn-budget.ts). graphql-js builds its answers of objects without a
 * prototype, which V8 keeps as dictionaries and stringifies at half speed: a whole tree at L
 * is 25–40 ms of text in one piece, as long as every other request waits.
 */
export async function jsonInSlices(value: unknown): Promise<string> {
  const parts: string[] = [];
  for (const piece of pieces(value, DEPTH)) {
    parts.push(piece);
    if (turnSpent()) await nextSlice();
  }
  return parts.join('');
}

/** `value`'s JSON in pieces: containers cut open down to `depth`, the rest whole. */
function* pieces(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || !isContainer(value)) {
    // What JSON.stringify writes for an array's undefined, function or symbol.
    yield JSON.stringify(value) ?? 'null';
  } else if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* pieces(value[i], depth - 1);
    }
    yield ']';
  } else {
    yield* fields(value as Record<string, unknown>, depth);
  }
}

function* fields(value: Record<string, unknown>, depth: number): Generator<string> {
  let open = '{';
  for (const key of Object.keys(value)) {
    const field = value[key];
    // Fields JSON.stringify leaves out of an object.
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    yield `${open}${JSON.stringify(key)}:`;
    open = ',';
    yield* pieces(field, depth - 1);
  }
  yield open === '{' ? '{}' : '}';
}

/** An array or object JSON.stringify would open (one with `toJSON` writes itself). */
function isContainer(value: unknown): value is object {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * The codes of expected failures a mutation reports as data. The GraphQL layer exposes
 * this union as the enum `UserErrorCode`: the names are part of the API contract.
 */
export type UserErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_HIERARCHY' | 'CYCLE';

export const USER_ERROR_CODES: readonly UserErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_HIERARCHY',
  'CYCLE',
];

/** One problem, located in the input (`units[3].parent`) when it has a place there. */
export interface UserErrorData {
  path: string | null;
  message: string;
  code: UserErrorCode;
}

/** `['units', 3, 'parent']` → `units[3].parent`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path ? `.${String(segment)}` : String(segment);
  }
  return path;
}

/** Collects problems; rules push into one list so every problem of a document is reported. */
export class Problems {
  readonly list: UserErrorData[] = [];

  add(path: string | null, message: string, code: UserErrorCode): void {
    this.list.push({ path, message, code });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

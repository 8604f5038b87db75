import type { UserErrorCode, UserErrorData } from '../writes/errors.js';

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

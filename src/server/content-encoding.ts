import Negotiator from 'negotiator';

/** Brotli first (smaller than gzip); as is for a client taking neither. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * The encoding a request prefers among ours (its `Accept-Encoding`, q-values and all). Among
 * those it likes as much, ours in our order (`preferred`), not its own: browsers list gzip
 * first. negotiator 1 takes the option; its types (0.6) lag behind.
 */
export function encodingFor(request: Request): Encoding {
  const header = request.headers.get('accept-encoding') ?? '';
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } });
  const encoding = negotiator.encoding as (available: string[], options: object) => string;
  const chosen = encoding.call(negotiator, [...ENCODINGS], { preferred: [...ENCODINGS] });
  return (chosen as Encoding | undefined) ?? 'identity';
}

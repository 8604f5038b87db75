import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiError, ask } from './api.js';

/** What every question depends on: who asks, for which day, and how often the org changed. */
export interface Asking {
  token: string | null;
  /** `null`: today, as the server counts it. */
  asOf: string | null;
  /** A pillar or area the panels answer for (`$scope`); `null`: the whole org. */
  scope: string | null;
  /** Bumped by `refresh()`: every open question is asked again. */
  version: number;
}

export const AskingContext = createContext<Asking>({
  token: null,
  asOf: null,
  scope: null,
  version: 0,
});

export interface Answer<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

/**
 * Asks `query` with `variables` (and the day picked, as `$asOf`; the scope picked, as
 * `$scope`, unless `variables` name one), again whenever either,
 * the token or the version changes. The last answer stays shown while the next one loads, and
 * while the server cannot answer.
 * `variables: null` asks nothing (a question not posed yet).
 */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown> | null = {},
): Answer<T> {
  const { token, asOf, scope, version } = useContext(AskingContext);
  const [answer, setAnswer] = useState<Answer<T>>({ data: null, error: null, loading: true });
  const key = JSON.stringify(variables);
  // `key` stands for `variables`: a new object with the same values asks nothing new.
  useEffect(() => {
    if (!variables) {
      setAnswer({ data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setAnswer((last) => ({ ...last, loading: true }));
    ask<T>(query, { scope, ...variables, asOf }, token).then(
      (data) => current && setAnswer({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!current) return;
        const failed = asApiError(error);
        // The server (or its database) failing keeps what it last answered on the page, with
        // the error beside it; a refusal (a bad token, a forbidden read) does not.
        const keep = failed.code === null || failed.code === 'DATABASE_UNAVAILABLE';
        setAnswer((last) => ({ data: keep ? last.data : null, error: failed, loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [query, key, token, asOf, scope, version]);
  return answer;
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('The server could not be reached.');
}

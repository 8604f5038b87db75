/** A GraphQL error as the dashboard shows it: the server's message, and its code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Asks orgraph's public GraphQL API, as any client would: the same endpoint, the same
 * bearer token. A GraphQL error (or a non-GraphQL answer) becomes an ApiError.
 */
export async function ask<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json().catch(() => null)) as Answer<T> | null;
  const first = answer?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
  if (!answer?.data) throw new ApiError(`The server answered ${response.status} without data.`);
  return answer.data;
}

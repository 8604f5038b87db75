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
  if (token) headers.authorization = `Bearer ${bearerOf(token)}`;
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

/**
 * The token as a header carries it: pasted as the header reads (`Bearer orgraph_…`) it is
 * the part after `Bearer`. One with a character no token has (a typographic quote picked up
 * in a chat) cannot be sent at all, and the browser's error read as "server unreachable".
 */
export function bearerOf(token: string): string {
  const bare = token.trim().replace(/^Bearer\s+/i, '');
  const odd = /[^\x21-\x7e]/.exec(bare);
  if (odd) {
    throw new ApiError(
      `This token has a character no token has (${JSON.stringify(odd[0])}): copy it again from where it was shown.`,
      'UNAUTHENTICATED',
    );
  }
  return bare;
}

/** Timing helpers of the bench: medians of repeated runs after a warm-up. */

export const RUNS = 15;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The median of `runs` timed calls, after three untimed ones (JIT, caches, the snapshot). */
export async function timeWarm(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** The median time of `measured` each right after an untimed `before` (a write). */
export async function timeAfter(
  before: (i: number) => Promise<unknown>,
  measured: () => Promise<unknown>,
  runs: number,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before(i);
    const start = performance.now();
    await measured();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * A GraphQL client of one server (orgraph's with its token, the peer's without): throws on
 * any error, so a timing never hides one.
 */
export function graphqlClient(port: number, token?: string) {
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
}

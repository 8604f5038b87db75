import { useEngine } from '@envelop/core';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { execute } from 'graphql';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { todayUtc } from '../core/org/days.js';
import type { Database } from '../db/client.js';
import { type Context, createContext } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import { OrgSnapshots } from '../store/snapshots.js';
import { authenticate } from '../tokens/authenticate.js';
import type { Config } from './config.js';
import { maskFault } from './mask-fault.js';

export interface AppOptions {
  database: Database;
  config: Config;
  /** Overrides "today" (tests pin the clock); defaults to the current UTC day. */
  today?: () => string;
}

/** Limits that refuse what no client needs, while admitting a whole-org dashboard tree. */
export const QUERY_LIMITS = { depth: 12, aliases: 30, tokens: 5_000, directives: 20 };

// What a first visit to GraphiQL shows: the dashboard question, and where the token goes.
const GRAPHIQL_QUERY = `# Paste your token in the Headers tab below, then run.
{
  coverage {
    byLayer { layer units healthy staffed techLeadManager missingEngLead vacant hiring }
    benchStrength
  }
  teamsWithoutTechLead { totalCount nodes { slug coverage { status engineerCount } } }
}
`;
const GRAPHIQL_HEADERS = JSON.stringify({ Authorization: 'Bearer <your token>' }, null, 2);

/** Builds the GraphQL-over-HTTP app without listening: the server and the tests share it. */
export function createApp({ database, config, today = todayUtc }: AppOptions) {
  const snapshots = new OrgSnapshots();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.graphiql
      ? { title: 'orgraph', defaultQuery: GRAPHIQL_QUERY, headers: GRAPHIQL_HEADERS }
      : false,
    // Unexpected errors become "Unexpected error." with no stack, SQL or message leaked;
    // a database outage becomes DATABASE_UNAVAILABLE (mask-fault.ts).
    maskedErrors: { isDev: false, maskError: maskFault },
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins } : false,
    batching: false,
    context: async ({ request }): Promise<Context> => {
      const { db } = database;
      const viewer = await authenticate(db, config, request.headers.get('authorization'));
      return createContext({ db, config, viewer, today: today(), snapshots });
    },
    plugins: [
      // graphql-js' own executor: it keeps response fields in query order, as the GraphQL
      // spec asks, where Yoga's default one orders them by resolution time.
      useEngine({ execute }),
      EnvelopArmorPlugin({
        costLimit: { enabled: false }, // Pothos' complexity plugin prices fields instead.
        maxDepth: { n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true },
        maxAliases: { n: QUERY_LIMITS.aliases },
        maxTokens: { n: QUERY_LIMITS.tokens },
        maxDirectives: { n: QUERY_LIMITS.directives },
        blockFieldSuggestion: { enabled: true },
      }),
      useReadinessCheck({ endpoint: '/ready', check: () => database.ping().then(() => true) }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;

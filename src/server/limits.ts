import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';

/** Limits that refuse what no client needs, while admitting a whole-org dashboard tree. */
export const QUERY_LIMITS = { depth: 12, aliases: 30, tokens: 5_000, directives: 20 };

/** The document's shape: depth, aliases, tokens and directives (graphql-armor). */
export function useDocumentLimits() {
  return EnvelopArmorPlugin({
    costLimit: { enabled: false }, // Pothos' complexity plugin prices fields instead.
    maxDepth: { n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.aliases },
    maxTokens: { n: QUERY_LIMITS.tokens },
    maxDirectives: { n: QUERY_LIMITS.directives },
    blockFieldSuggestion: { enabled: true },
  });
}

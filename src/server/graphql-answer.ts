/**
 * What a GraphQL answer is sent as: JSON, GraphQL's own JSON, a stream of events, or parts
 * (`multipart/mixed`, which Yoga sends a client asking for it). Told by what is sent, not by
 * the path: Yoga answers GraphQL at any URL whose text ends in `/graphql`, the query
 * string's too, and serves pages (GraphiQL's, a 406's text) at `/graphql` itself.
 */
const GRAPHQL_ANSWER =
  /^(application\/(graphql-response\+)?json|text\/event-stream|multipart\/mixed)\b/i;

export const isGraphQLAnswer = (contentType: string | null): boolean =>
  GRAPHQL_ANSWER.test(contentType ?? '');

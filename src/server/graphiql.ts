import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type GraphQLSchema, introspectionFromSchema } from 'graphql';
import type { Config } from './config.js';

// What a first visit to GraphiQL shows: the dashboard question, and where the token goes.
const QUERY = `# orgraph: leadership coverage, as a dashboard asks it.
#
# Needs a token (unless ORGRAPH_OPEN_READ is set):
# \`npm start\` prints an ADMIN one on its first start.
# In the Headers tab below, put it in place of the
# placeholder after "Bearer", then run (Ctrl-Enter).
# The coverage dashboard itself is at /.
{
  coverage {
    byLayer {
      layer units healthy staffed
      techLeadManager missingEngLead vacant hiring
    }
    benchStrength
  }
  teamsWithoutTechLead {
    totalCount
    nodes { slug coverage { status engineerCount } }
  }
}
`;
const TOKEN_HEADERS = JSON.stringify({ Authorization: 'Bearer PASTE_YOUR_TOKEN_HERE' }, null, 2);

/**
 * GraphiQL's page as orgraph opens it: every script and style inlined (no CDN: it works
 * offline), and the schema handed over in the page, so GraphiQL sends no introspection
 * request: nothing fails before a token is pasted, and the docs and completion work at once.
 * With open read access, no header is needed at all.
 */
export function graphiqlPage(schema: GraphQLSchema, config: Config): string {
  const options = {
    title: 'orgraph',
    // This Yoga GraphiQL opens on `query` (else on its own welcome text), not `defaultQuery`.
    query: QUERY,
    defaultHeaders: config.openRead ? '{}' : TOKEN_HEADERS,
    schema: introspectionFromSchema(schema, { schemaDescription: true }),
  };
  return renderGraphiQL(options);
}

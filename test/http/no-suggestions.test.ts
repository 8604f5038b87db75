import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';

/** No error hints at a name of the schema: not a field's, not an enum value's. */
const t = useTestOrg({ people: [] });

describe('errors suggest no names', () => {
  it.each([
    ['an enum literal', '{ units(layer: PILAR) { totalCount } }', {}],
    ['an enum variable', 'query ($l: Layer) { units(layer: $l) { totalCount } }', { l: 'PILAR' }],
    ['a field', '{ unit(slug: "x") { sluggo } }', {}],
    ['an argument', '{ units(layr: PILLAR) { totalCount } }', {}],
  ])('%s', async (_, query, variables) => {
    const { errors } = await t.gql(query, variables);
    expect(errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).not.toMatch(/Did you mean|PILLAR"|slug"|layer"/);
  });
});

import { expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from './fixtures.js';

/** An org document's problems, in the words of the person who wrote the file. */
const t = useTestOrg(specDocument());

const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
  userErrors { path message code } } }`;

it.each([
  ['a policy kind left out', { policy: { kinds: [{ severity: 'LOW' }] } }, 'policy.kinds[0].kind'],
  ['a unit layer left out', { units: [{ slug: 'web', name: 'Web' }] }, 'units[0].layer'],
])('%s: "is required" at its path, nothing written', async (_, document, path) => {
  const before = await t.changeCount();
  const { importOrg } = await t.data(IMPORT, { d: document });
  expect(importOrg.userErrors).toEqual([{ path, message: 'is required', code: 'VALIDATION' }]);
  expect(await t.changeCount()).toBe(before);
});

it('a kind of no name still lists the kinds there are', async () => {
  const { importOrg } = await t.data(IMPORT, { d: { policy: { kinds: [{ kind: 'NOPE' }] } } });
  expect(importOrg.userErrors).toEqual([
    {
      path: 'policy.kinds[0].kind',
      message: expect.stringMatching(/^unknown value "NOPE" \(expected one of [A-Z_]+, /),
      code: 'VALIDATION',
    },
  ]);
});

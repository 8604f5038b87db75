import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

/**
 * Text with half a character (a lone UTF-16 surrogate, which JSON can carry and UTF-8
 * cannot) is refused naming the field, by every entry point, and writes nothing: it was an
 * unexpected error (the audit log's JSON refused it) or was stored as U+FFFD.
 */
const t = useTestOrg(specDocument());
const HALF = 'Ana \ud800 Ruiz';
const REFUSED = { code: 'VALIDATION', message: expect.stringMatching(/lone surrogate/) };

describe('half a character', () => {
  it.each([
    ['createPerson', 'CreatePersonInput', { email: 'new@example.com', name: HALF }, 'input.name'],
    ['updateUnit', 'UpdateUnitInput', { slug: 'storage', charter: HALF }, 'input.charter'],
    ['createApiToken', 'CreateApiTokenInput', { name: HALF, role: 'VIEWER' }, 'input.name'],
    [
      'createScenario',
      'CreateScenarioInput',
      { name: 'plan', description: HALF, changes: [] },
      'input.description',
    ],
  ])('%s: refused naming the field, nothing written', async (mutation, type, input, path) => {
    const changes = await t.changeCount();
    const answer = await t.data(
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { userErrors { path code message } } }`,
      { input },
    );
    expect(answer[mutation].userErrors).toEqual([expect.objectContaining({ path, ...REFUSED })]);
    expect(await t.changeCount()).toBe(changes);
  });

  it('in an org document: a problem at its path, dry run or not', async () => {
    const doc = { units: [{ slug: 'storage', name: HALF, layer: 'TEAM', parent: 'infra' }] };
    for (const dryRun of [true, false]) {
      const { importOrg } = await t.data(
        `mutation ($d: JSONObject!, $dry: Boolean) { importOrg(document: $d, dryRun: $dry) {
          userErrors { path code message } } }`,
        { d: doc, dry: dryRun },
      );
      expect(importOrg.userErrors).toEqual([
        expect.objectContaining({ path: 'units[0].name', ...REFUSED }),
      ]);
    }
  });
});

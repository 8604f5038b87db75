import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

// Listed by unit id, i.e. the order units were first written: the org made from an export
// (units by layer, then slug) listed one person's candidacies otherwise than its source.
const team = (slug: string) => ({ slug, name: slug, layer: 'TEAM', parent: 'a' });
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    org: {
      people: [{ email: 'eli@example.com', name: 'Eli' }],
      units: [
        { slug: 'p', name: 'P', layer: 'PILLAR' },
        { slug: 'a', name: 'A', layer: 'AREA', parent: 'p' },
        team('zeta'),
        team('alpha'),
      ],
      succession: ['zeta', 'alpha'].flatMap((unit) =>
        ['TECH_LEAD', 'ENG_LEAD'].map((seat) => ({
          unit,
          seat,
          candidate: 'eli@example.com',
          readiness: 'READY_SOON',
        })),
      ),
    },
  });
});
afterAll(() => t.close());

it("lists a person's candidacies by unit slug, Eng Lead first, whatever order they were written", async () => {
  const { person } = await t.data(
    '{ person(email: "eli@example.com") { candidacies { unit { slug } seat } } }',
  );
  expect(person.candidacies).toEqual([
    { unit: { slug: 'alpha' }, seat: 'ENG_LEAD' },
    { unit: { slug: 'alpha' }, seat: 'TECH_LEAD' },
    { unit: { slug: 'zeta' }, seat: 'ENG_LEAD' },
    { unit: { slug: 'zeta' }, seat: 'TECH_LEAD' },
  ]);
});

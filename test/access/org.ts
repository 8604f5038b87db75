/**
 * Two pillars, so that a token scoped to one has something outside it:
 *
 *   platform (bo, cy) > infra (no leads) > storage (ana, dee), compute (fay, max)
 *   product  (gus, hal) > growth (no leads) > checkout (ivy, max)
 *
 * - max holds Tech Lead seats in both pillars (compute and checkout);
 * - eli is the only ready candidate for storage's Tech Lead and checkout's Eng Lead: a
 *   SUCCESSOR_CONCENTRATION across pillars, placed on checkout;
 * - kim is the only ready candidate for both of infra's seats: a concentration inside platform;
 * - hal (product's Tech Lead) is the ready successor of compute's Eng Lead, so fay's vacancy
 *   chain leaves platform;
 * - dee is ready now for storage's Eng Lead, so ana's vacancy chain stays inside storage.
 */
export const TWO_PILLARS = {
  people: [
    ['bo', 'Bo Lind'],
    ['cy', 'Cy Park'],
    ['ana', 'Ana Ruiz'],
    ['dee', 'Dee Okafor'],
    ['eli', 'Eli Stone'],
    ['fay', 'Fay Ng'],
    ['max', 'Max Power'],
    ['kim', 'Kim Diana Lee'],
    ['gus', 'Gus Grand'],
    ['hal', 'Hal Ford'],
    ['ivy', 'Ivy Chen'],
    ['lu', 'Lu Ana Berg'],
  ].map(([id, name]) => ({ email: at(id as string), name, manager: managerOf(id as string) })),
  units: [
    { slug: 'platform', name: 'Platform', layer: 'PILLAR', engLead: at('bo'), techLead: at('cy') },
    { slug: 'infra', name: 'Infrastructure', layer: 'AREA', parent: 'platform' },
    {
      slug: 'storage',
      name: 'Storage',
      layer: 'TEAM',
      parent: 'infra',
      engLead: at('ana'),
      techLead: at('dee'),
      members: [at('dee'), at('eli')],
    },
    {
      slug: 'compute',
      name: 'Compute',
      layer: 'TEAM',
      parent: 'infra',
      engLead: at('fay'),
      techLead: at('max'),
      members: [at('max'), at('kim')],
    },
    { slug: 'product', name: 'Product', layer: 'PILLAR', engLead: at('gus'), techLead: at('hal') },
    { slug: 'growth', name: 'Growth', layer: 'AREA', parent: 'product' },
    {
      slug: 'checkout',
      name: 'Checkout',
      layer: 'TEAM',
      parent: 'growth',
      engLead: at('ivy'),
      techLead: at('max'),
      members: [at('lu')],
    },
  ],
  aors: [
    {
      slug: 'blob-store',
      name: 'Blob store',
      unit: 'storage',
      criticality: 'HIGH',
      owner: at('dee'),
    },
    { slug: 'scheduler', name: 'Scheduler', unit: 'compute', criticality: 'LOW', owner: at('max') },
    { slug: 'payments-api', name: 'Payments API', unit: 'checkout', criticality: 'HIGH' },
  ],
  succession: [
    { unit: 'storage', seat: 'TECH_LEAD', candidate: at('eli'), readiness: 'READY_SOON' },
    { unit: 'checkout', seat: 'ENG_LEAD', candidate: at('eli'), readiness: 'READY_NOW' },
    { unit: 'infra', seat: 'ENG_LEAD', candidate: at('kim'), readiness: 'READY_NOW' },
    { unit: 'infra', seat: 'TECH_LEAD', candidate: at('kim'), readiness: 'READY_SOON' },
    { unit: 'compute', seat: 'ENG_LEAD', candidate: at('hal'), readiness: 'READY_NOW' },
    { unit: 'storage', seat: 'ENG_LEAD', candidate: at('dee'), readiness: 'READY_NOW' },
  ],
  openRoles: [
    { unit: 'infra', seat: 'TECH_LEAD', status: 'OPEN', openedOn: '2026-09-01' },
    { unit: 'growth', seat: 'ENG_LEAD', status: 'OPEN', openedOn: '2026-10-01' },
    { unit: 'checkout', seat: 'ENGINEER', status: 'CANCELLED', openedOn: '2026-08-01' },
  ],
};

function at(id: string): string {
  return `${id}@example.com`;
}

function managerOf(id: string): string | undefined {
  const managers: Record<string, string> = {
    cy: 'bo',
    ana: 'bo',
    fay: 'bo',
    dee: 'ana',
    eli: 'ana',
    max: 'fay',
    kim: 'fay',
    hal: 'gus',
    ivy: 'gus',
    lu: 'ivy',
  };
  const manager = managers[id];
  return manager ? at(manager) : undefined;
}

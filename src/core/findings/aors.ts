import { personName, unitName } from '../org/lookup.js';
import type { AorState, OrgState } from '../org/state.js';
import type { Finding } from './types.js';

/** UNOWNED_AOR or SOLE_AOR_OWNER for one AoR, on the AoR's unit; none when it has a backup. */
export function aorFindings(state: OrgState, aor: AorState): Finding[] {
  const high = aor.criticality === 'HIGH';
  const where = `${aor.name} (${unitName(state, aor.unitId)}, ${aor.criticality.toLowerCase()} criticality)`;
  const base = { unitId: aor.unitId, seat: null, unitIds: [aor.unitId], aorId: aor.id };
  if (aor.primaryOwnerId === null) {
    return [
      {
        ...base,
        kind: 'UNOWNED_AOR',
        severity: high ? 'CRITICAL' : 'HIGH',
        personIds: [],
        message: `${where} has no owner.`,
      },
    ];
  }
  if (aor.backupOwnerIds.length > 0) return [];
  return [
    {
      ...base,
      kind: 'SOLE_AOR_OWNER',
      severity: high ? 'HIGH' : 'MEDIUM',
      personIds: [aor.primaryOwnerId],
      message: `${personName(state, aor.primaryOwnerId)} is the only owner of ${where}, with no backup.`,
    },
  ];
}

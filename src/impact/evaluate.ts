import type { ScopeOptions } from '../core/findings/types.js';
import { type DepartureImpact, departureImpact } from '../core/impact/departure.js';
import { orgDiff } from '../core/impact/org-diff.js';
import type { OrgHistory, OrgState } from '../core/org/state.js';
import type { Thresholds } from '../core/policy.js';
import { planChanges } from '../scenarios/evaluate.js';
import type { Plan } from '../scenarios/planned-org.js';

/**
 * A departure the write rules refuse on the day asked (one before the person's start): no
 * what-if can show it, where the seats it would empty were listed with no consequence.
 */
export class DepartureRefused extends Error {}

/**
 * "What if this person left?" is a planning scenario of one change — their departure on the
 * day asked — evaluated by the same code as any scenario, plus what only a departure has:
 * the seats it empties, the AoRs and reports it leaves, the vacancy chain.
 */
export function evaluateDeparture(
  history: OrgHistory,
  state: OrgState,
  personId: number,
  thresholds: Thresholds,
  { candidaciesWithin }: ScopeOptions = {},
): DepartureImpact & { plan: Plan } {
  const email = state.people.get(personId)?.email ?? '';
  const depart = { person: email, on: state.asOf };
  const { draft, after, changed, conflicts } = planChanges(history, state, [{ depart }]);
  const gone = state.people.get(personId)?.departedOn;
  // Leaving again changes nothing; any other refusal (a day before their start) is told.
  const refusal = conflicts[0];
  if (refusal && !(gone && gone <= state.asOf)) throw new DepartureRefused(refusal.message);
  const diff = orgDiff(state, after, thresholds, { changes: changed, candidaciesWithin });
  return { ...departureImpact(state, after, diff, personId), plan: { draft, after } };
}

import type { Day } from '../../core/org/state.js';
import type { Problems } from '../errors.js';
import type { ParsedDocument } from '../shape.js';
import type { Snapshot } from '../snapshot.js';

/** What every validation rule reads: the parsed document, the database's view, the day. */
export interface RuleContext {
  doc: ParsedDocument;
  snapshot: Snapshot;
  today: Day;
  problems: Problems;
}

/** A person has left when a departure day is recorded and it is not in the future. */
export function hasDeparted(departedOn: Day | null, today: Day): departedOn is Day {
  return departedOn !== null && departedOn <= today;
}

/** The lower-cased email of a person loaded in the snapshot. */
export function emailOfId(ctx: RuleContext, personId: number): string | undefined {
  return ctx.snapshot.peopleById.get(personId)?.email.toLowerCase();
}

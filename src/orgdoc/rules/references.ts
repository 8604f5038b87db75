import { personReferences, unitReferences } from '../references.js';
import { hasDeparted, type RuleContext } from './context.js';

/** References must name something in the document or the database, and something current. */
export function checkReferences(ctx: RuleContext): void {
  const { doc, snapshot, today, problems } = ctx;
  for (const { key, path } of personReferences(doc)) {
    const stored = snapshot.people.get(key);
    if (!stored && !doc.declared.emails.has(key)) {
      problems.add(path, `unknown person "${key}"`, 'NOT_FOUND');
    } else if (stored && hasDeparted(stored.departedOn, today)) {
      problems.add(path, `person "${key}" departed on ${stored.departedOn}`, 'CONFLICT');
    }
  }
  for (const { key, path } of unitReferences(doc)) {
    const stored = snapshot.units.get(key);
    if (!stored && !doc.declared.units.has(key)) {
      problems.add(path, `unknown unit "${key}"`, 'NOT_FOUND');
    } else if (stored?.archivedOn && stored.archivedOn <= today) {
      problems.add(path, `unit "${key}" was archived on ${stored.archivedOn}`, 'CONFLICT');
    }
  }
  checkRetired(ctx);
}

/** Import only adds and updates: it does not bring back archived units or retired AoRs. */
function checkRetired(ctx: RuleContext): void {
  const { doc, snapshot, today, problems } = ctx;
  for (const { index, value } of doc.units) {
    const archivedOn = snapshot.units.get(value.slug)?.archivedOn;
    if (archivedOn && archivedOn <= today) {
      problems.add(
        `units[${index}].slug`,
        `unit "${value.slug}" was archived on ${archivedOn}`,
        'CONFLICT',
      );
    }
  }
  for (const { index, value } of doc.aors) {
    const retiredOn = snapshot.aors.get(value.slug)?.retiredOn;
    if (retiredOn && retiredOn <= today) {
      problems.add(
        `aors[${index}].slug`,
        `AoR "${value.slug}" was retired on ${retiredOn}`,
        'CONFLICT',
      );
    }
  }
}

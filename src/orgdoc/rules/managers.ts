import { emailOfId, type RuleContext } from './context.js';

/** Who reports to whom after the import: the database's managers, overridden by the document. */
function managersAfterImport(ctx: RuleContext): Map<string, string | null> {
  const managerOf = new Map<string, string | null>();
  for (const [email, person] of ctx.snapshot.people) {
    managerOf.set(
      email,
      person.managerId === null ? null : (emailOfId(ctx, person.managerId) ?? null),
    );
  }
  for (const { value } of ctx.doc.people) {
    if (value.manager !== undefined) managerOf.set(value.email, value.manager);
  }
  return managerOf;
}

/**
 * Reports each management cycle that goes through a manager the document sets, once, at
 * the first such entry. Each person has at most one manager, so walking up from every
 * person with a shared "done" set visits each person once.
 */
export function checkManagerCycles(ctx: RuleContext): void {
  const managerOf = managersAfterImport(ctx);
  const setBy = new Map<string, number>();
  for (const { index, value } of ctx.doc.people) {
    if (value.manager && !setBy.has(value.email)) setBy.set(value.email, index);
  }
  const done = new Set<string>();
  for (const start of setBy.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    while (current && !done.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = managerOf.get(current);
    }
    if (current && onPath.has(current)) reportCycle(ctx, path.slice(path.indexOf(current)), setBy);
    for (const email of path) done.add(email);
  }
}

function reportCycle(ctx: RuleContext, cycle: string[], setBy: Map<string, number>): void {
  const indexes = cycle.map((email) => setBy.get(email)).filter((i) => i !== undefined);
  // A cycle made only of database managers was there before; this import did not cause it.
  if (indexes.length === 0) return;
  const chain = [...cycle, cycle[0]].map((email) => `"${email}"`).join(' → ');
  ctx.problems.add(
    `people[${Math.min(...indexes)}].manager`,
    `management cycle: ${chain}`,
    'CYCLE',
  );
}

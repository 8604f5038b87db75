import type { Entry } from '../shape.js';
import type { RuleContext } from './context.js';

/** Reports every entry whose key an earlier entry of the same section already used. */
function reportDuplicates<T>(
  ctx: RuleContext,
  section: string,
  entries: Entry<T>[],
  keyOf: (value: T) => string,
  field: string,
  describe: (value: T) => string,
): void {
  const first = new Map<string, number>();
  for (const { index, value } of entries) {
    const key = keyOf(value);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else {
      const path = field ? `${section}[${index}].${field}` : `${section}[${index}]`;
      ctx.problems.add(
        path,
        `duplicate ${describe(value)} (also ${section}[${earlier}])`,
        'CONFLICT',
      );
    }
  }
}

export function checkDuplicates(ctx: RuleContext): void {
  const { doc } = ctx;
  reportDuplicates(
    ctx,
    'people',
    doc.people,
    (p) => p.email,
    'email',
    (p) => `email "${p.email}"`,
  );
  reportDuplicates(
    ctx,
    'units',
    doc.units,
    (u) => u.slug,
    'slug',
    (u) => `unit "${u.slug}"`,
  );
  reportDuplicates(
    ctx,
    'aors',
    doc.aors,
    (a) => a.slug,
    'slug',
    (a) => `AoR "${a.slug}"`,
  );
  reportDuplicates(
    ctx,
    'succession',
    doc.succession,
    (s) => `${s.unit}:${s.seat}:${s.candidate}`,
    '',
    (s) => `candidate "${s.candidate}" for the ${s.seat} seat of "${s.unit}"`,
  );
  // Two entries for one role would each be matched against the same database row.
  reportDuplicates(
    ctx,
    'openRoles',
    doc.openRoles,
    (r) => `${r.unit}:${r.seat}:${r.openedOn ?? ''}`,
    '',
    (r) => `${r.seat} role on "${r.unit}"${r.openedOn ? ` opened on ${r.openedOn}` : ''}`,
  );
}

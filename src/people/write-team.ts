import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { lastDayBefore } from '../core/org/days.js';
import { endFrom, inForceFrom } from '../db/history.js';
import type { MembershipRow, PersonRow } from '../db/tables.js';
import { membershipTable } from '../db/tables.js';
import { UserInputError } from '../writes/errors.js';
import { daySchema, refSchema, requiredOrNull } from '../writes/fields.js';
import { requirePerson, requireUnit } from '../writes/lookup.js';
import type { Write } from '../writes/run.js';

export const setTeamSchema = z.object({
  email: refSchema,
  // Left out is refused rather than read as "no team": leaving a team must be asked for.
  team: requiredOrNull('is required: a team slug, or null to leave the current team'),
  on: daySchema.nullish(),
});

export interface TeamChange {
  person: PersonRow | null;
  membership: MembershipRow | null;
  ended: MembershipRow | null;
}
export const noTeamChange: TeamChange = { person: null, membership: null, ended: null };

/**
 * Moves a person to a team (or off their team) from `on`: the membership in force then ends
 * the day before, the new one starts on `on`. A person is on at most one team at a time.
 */
export async function setTeam(
  w: Write,
  input: z.output<typeof setTeamSchema>,
): Promise<TeamChange> {
  const on = input.on ?? w.today;
  const person = await requirePerson(w.tx, input.email, 'input.email', on);
  const team = input.team === null ? null : await requireUnit(w.tx, input.team, 'input.team');
  if (team && team.layer !== 'TEAM') {
    const message = `"${team.slug}" is ${team.layer === 'AREA' ? 'an' : 'a'} ${team.layer}; only a TEAM has members`;
    throw UserInputError.of('input.team', message, 'INVALID_HIERARCHY');
  }
  const [current] = await w.tx
    .select()
    .from(membershipTable)
    .where(and(eq(membershipTable.personId, person.id), isNull(membershipTable.endedOn)));
  if (team && current?.unitId === team.id) return { person, membership: current, ended: null };
  if (!team && !current) {
    const message = `${person.email} is not a member of any team`;
    throw UserInputError.of('input.team', message, 'NOT_FOUND');
  }
  if (current && current.startedOn > on) {
    const message = `must not be before the current membership's start (${current.startedOn})`;
    throw UserInputError.of('input.on', message, 'VALIDATION');
  }
  // Set-based: ends the current membership and any other one still in force from `on`
  // (e.g. one already set to end later), so the person is never on two teams at once.
  const ended = await w.tx
    .update(membershipTable)
    .set(endFrom(membershipTable, on))
    .where(and(eq(membershipTable.personId, person.id), inForceFrom(membershipTable, on)))
    .returning();
  const [membership] = team
    ? await w.tx
        .insert(membershipTable)
        .values({
          unitId: team.id,
          personId: person.id,
          startedOn: on,
          // A departure already recorded for a later day ends the new membership too.
          endedOn: person.departedOn ? lastDayBefore(on, person.departedOn) : null,
        })
        .returning()
    : [];
  const endedCurrent = ended.find((m) => m.id === current?.id) ?? ended[0] ?? null;
  w.record({
    unitId: team?.id ?? endedCurrent?.unitId ?? null,
    personId: person.id,
    before: current ?? null,
    after: { ended: endedCurrent, membership: membership ?? null },
  });
  return { person, membership: membership ?? null, ended: endedCurrent };
}

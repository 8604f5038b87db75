-- No two rows of one history are in force on the same day: one holder per seat, one team per
-- person, one primary owner per AoR, one ownership per person and AoR, one candidacy per person
-- and seat. The write path keeps this invariant; these constraints make the database keep it
-- too. A row ended the day before it starts is an empty range: history, never in force.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- History written before the invariant was enforced is reshaped by the rule that writes now
-- follow: a row still in force when the next one of its history starts ends the day before.
UPDATE seat_assignment AS t SET ended_on = greatest(n.next_start - 1, t.started_on - 1)
FROM (
  SELECT id, lead(started_on) OVER (PARTITION BY unit_id, seat ORDER BY started_on, id) AS next_start
  FROM seat_assignment
  WHERE (ended_on IS NULL OR ended_on >= started_on)
) AS n
WHERE t.id = n.id AND n.next_start IS NOT NULL AND (t.ended_on IS NULL OR t.ended_on >= n.next_start);
--> statement-breakpoint
ALTER TABLE seat_assignment ADD CONSTRAINT seat_assignment_no_overlap
  EXCLUDE USING gist (unit_id WITH =, seat WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&);
--> statement-breakpoint
-- History written before the invariant was enforced is reshaped by the rule that writes now
-- follow: a row still in force when the next one of its history starts ends the day before.
UPDATE team_membership AS t SET ended_on = greatest(n.next_start - 1, t.started_on - 1)
FROM (
  SELECT id, lead(started_on) OVER (PARTITION BY person_id ORDER BY started_on, id) AS next_start
  FROM team_membership
  WHERE (ended_on IS NULL OR ended_on >= started_on)
) AS n
WHERE t.id = n.id AND n.next_start IS NOT NULL AND (t.ended_on IS NULL OR t.ended_on >= n.next_start);
--> statement-breakpoint
ALTER TABLE team_membership ADD CONSTRAINT team_membership_no_overlap
  EXCLUDE USING gist (person_id WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&);
--> statement-breakpoint
-- History written before the invariant was enforced is reshaped by the rule that writes now
-- follow: a row still in force when the next one of its history starts ends the day before.
UPDATE aor_ownership AS t SET ended_on = greatest(n.next_start - 1, t.started_on - 1)
FROM (
  SELECT id, lead(started_on) OVER (PARTITION BY aor_id ORDER BY started_on, id) AS next_start
  FROM aor_ownership
  WHERE (ended_on IS NULL OR ended_on >= started_on) AND role = 'PRIMARY'
) AS n
WHERE t.id = n.id AND n.next_start IS NOT NULL AND (t.ended_on IS NULL OR t.ended_on >= n.next_start);
--> statement-breakpoint
ALTER TABLE aor_ownership ADD CONSTRAINT aor_ownership_primary_no_overlap
  EXCLUDE USING gist (aor_id WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&) WHERE (role = 'PRIMARY');
--> statement-breakpoint
-- History written before the invariant was enforced is reshaped by the rule that writes now
-- follow: a row still in force when the next one of its history starts ends the day before.
UPDATE aor_ownership AS t SET ended_on = greatest(n.next_start - 1, t.started_on - 1)
FROM (
  SELECT id, lead(started_on) OVER (PARTITION BY aor_id, person_id ORDER BY started_on, id) AS next_start
  FROM aor_ownership
  WHERE (ended_on IS NULL OR ended_on >= started_on)
) AS n
WHERE t.id = n.id AND n.next_start IS NOT NULL AND (t.ended_on IS NULL OR t.ended_on >= n.next_start);
--> statement-breakpoint
ALTER TABLE aor_ownership ADD CONSTRAINT aor_ownership_person_no_overlap
  EXCLUDE USING gist (aor_id WITH =, person_id WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&);
--> statement-breakpoint
-- History written before the invariant was enforced is reshaped by the rule that writes now
-- follow: a row still in force when the next one of its history starts ends the day before.
UPDATE succession_candidate AS t SET ended_on = greatest(n.next_start - 1, t.started_on - 1)
FROM (
  SELECT id, lead(started_on) OVER (PARTITION BY unit_id, seat, person_id ORDER BY started_on, id) AS next_start
  FROM succession_candidate
  WHERE (ended_on IS NULL OR ended_on >= started_on)
) AS n
WHERE t.id = n.id AND n.next_start IS NOT NULL AND (t.ended_on IS NULL OR t.ended_on >= n.next_start);
--> statement-breakpoint
ALTER TABLE succession_candidate ADD CONSTRAINT succession_candidate_no_overlap
  EXCLUDE USING gist (unit_id WITH =, seat WITH =, person_id WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&);

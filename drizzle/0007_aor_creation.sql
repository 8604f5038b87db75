-- Until now every AoR was taken to exist on every day before its retirement. Existing rows
-- keep that: they are dated from the first day the org can mean (1900-01-01, "before
-- anything recorded"), so no past answer changes by migrating.
ALTER TABLE "aor" ADD COLUMN "created_on" date;--> statement-breakpoint
UPDATE "aor" SET "created_on" = '1900-01-01';--> statement-breakpoint
ALTER TABLE "aor" ALTER COLUMN "created_on" SET NOT NULL;

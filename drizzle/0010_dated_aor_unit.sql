CREATE TABLE "aor_unit" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aor_unit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"aor_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "aor_unit_dates" CHECK ("aor_unit"."ended_on" is null or "aor_unit"."ended_on" >= "aor_unit"."started_on" - 1)
);
--> statement-breakpoint
ALTER TABLE "aor_unit" ADD CONSTRAINT "aor_unit_aor_id_aor_id_fk" FOREIGN KEY ("aor_id") REFERENCES "public"."aor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aor_unit" ADD CONSTRAINT "aor_unit_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aor_unit_current_key" ON "aor_unit" USING btree ("aor_id") WHERE "aor_unit"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "aor_unit_unit_idx" ON "aor_unit" USING btree ("unit_id");--> statement-breakpoint
-- Until now an AoR's unit was not dated: each existing AoR is taken to have sat in its
-- current unit since its creation, so no past answer changes by migrating.
INSERT INTO "aor_unit" ("aor_id", "unit_id", "started_on")
SELECT "id", "unit_id", "created_on" FROM "aor";--> statement-breakpoint
-- One unit a day, as for every other history (0002_no_overlapping_history.sql).
ALTER TABLE aor_unit ADD CONSTRAINT aor_unit_no_overlap
  EXCLUDE USING gist (aor_id WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&);

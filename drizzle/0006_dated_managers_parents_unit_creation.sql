CREATE TABLE "reporting_line" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_line_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "reporting_line_dates" CHECK ("reporting_line"."ended_on" is null or "reporting_line"."ended_on" >= "reporting_line"."started_on" - 1)
);
--> statement-breakpoint
CREATE TABLE "unit_parent" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_parent_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"parent_id" integer NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "unit_parent_dates" CHECK ("unit_parent"."ended_on" is null or "unit_parent"."ended_on" >= "unit_parent"."started_on" - 1)
);
--> statement-breakpoint
-- Until now every unit was taken to exist, and every reporting line and parent to hold, on
-- every day. Existing rows keep that: they are dated from the first day the org can mean
-- (1900-01-01, "before anything recorded"), so no past answer changes by migrating.
ALTER TABLE "unit" ADD COLUMN "created_on" date;--> statement-breakpoint
UPDATE "unit" SET "created_on" = '1900-01-01';--> statement-breakpoint
ALTER TABLE "unit" ALTER COLUMN "created_on" SET NOT NULL;--> statement-breakpoint
INSERT INTO "reporting_line" ("person_id", "manager_id", "started_on")
SELECT "id", "manager_id", '1900-01-01' FROM "person" WHERE "manager_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "unit_parent" ("unit_id", "parent_id", "started_on")
SELECT "id", "parent_id", '1900-01-01' FROM "unit" WHERE "parent_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting_line" ADD CONSTRAINT "reporting_line_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_line" ADD CONSTRAINT "reporting_line_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_parent" ADD CONSTRAINT "unit_parent_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_parent" ADD CONSTRAINT "unit_parent_parent_id_unit_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_line_current_key" ON "reporting_line" USING btree ("person_id") WHERE "reporting_line"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "reporting_line_manager_idx" ON "reporting_line" USING btree ("manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_parent_current_key" ON "unit_parent" USING btree ("unit_id") WHERE "unit_parent"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "unit_parent_parent_idx" ON "unit_parent" USING btree ("parent_id");--> statement-breakpoint
-- No two rows of one history in force on the same day, as for the other histories (0002).
ALTER TABLE reporting_line ADD CONSTRAINT reporting_line_no_overlap
  EXCLUDE USING gist (person_id WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&);
--> statement-breakpoint
ALTER TABLE unit_parent ADD CONSTRAINT unit_parent_no_overlap
  EXCLUDE USING gist (unit_id WITH =, daterange(started_on, ended_on + 1, '[)') WITH &&);
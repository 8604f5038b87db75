CREATE TABLE "policy" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policy_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"started_on" date NOT NULL,
	"ended_on" date,
	"tlm_team_size" integer NOT NULL,
	"long_tlm_days" integer NOT NULL,
	"span_limit" integer NOT NULL,
	"acting_days" integer NOT NULL,
	"kinds" jsonb NOT NULL,
	CONSTRAINT "policy_dates" CHECK ("policy"."ended_on" is null or "policy"."ended_on" >= "policy"."started_on" - 1),
	CONSTRAINT "policy_positive" CHECK ("policy"."tlm_team_size" > 0 and "policy"."long_tlm_days" > 0 and "policy"."span_limit" > 0 and "policy"."acting_days" > 0)
);
--> statement-breakpoint
-- One policy in force a day, as for every other history (0002_no_overlapping_history.sql).
ALTER TABLE policy ADD CONSTRAINT policy_no_overlap
  EXCLUDE USING gist (daterange(started_on, ended_on + 1, '[)') WITH &&);

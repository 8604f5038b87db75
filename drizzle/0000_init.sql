CREATE TYPE "public"."api_role" AS ENUM('VIEWER', 'PLANNER', 'ADMIN');--> statement-breakpoint
CREATE TYPE "public"."criticality" AS ENUM('HIGH', 'MEDIUM', 'LOW');--> statement-breakpoint
CREATE TYPE "public"."layer" AS ENUM('PILLAR', 'AREA', 'TEAM');--> statement-breakpoint
CREATE TYPE "public"."ownership_role" AS ENUM('PRIMARY', 'BACKUP');--> statement-breakpoint
CREATE TYPE "public"."readiness" AS ENUM('READY_NOW', 'READY_SOON', 'READY_LATER');--> statement-breakpoint
CREATE TYPE "public"."role_seat" AS ENUM('ENG_LEAD', 'TECH_LEAD', 'ENGINEER');--> statement-breakpoint
CREATE TYPE "public"."role_status" AS ENUM('OPEN', 'FILLED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."seat" AS ENUM('ENG_LEAD', 'TECH_LEAD');--> statement-breakpoint
CREATE TABLE "aor_ownership" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aor_ownership_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"aor_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" "ownership_role" NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "aor_ownership_dates" CHECK ("aor_ownership"."ended_on" is null or "aor_ownership"."ended_on" >= "aor_ownership"."started_on" - 1)
);
--> statement-breakpoint
CREATE TABLE "aor" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aor_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"criticality" "criticality" DEFAULT 'MEDIUM' NOT NULL,
	"unit_id" integer NOT NULL,
	"retired_on" date,
	CONSTRAINT "aor_slug_format" CHECK ("aor"."slug" ~ '^[a-z0-9-]+$')
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_token_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"role" "api_role" NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "succession_candidate" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "succession_candidate_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"seat" "seat" NOT NULL,
	"person_id" integer NOT NULL,
	"readiness" "readiness" NOT NULL,
	"notes" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "succession_candidate_dates" CHECK ("succession_candidate"."ended_on" is null or "succession_candidate"."ended_on" >= "succession_candidate"."started_on" - 1)
);
--> statement-breakpoint
CREATE TABLE "change" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"operation" text NOT NULL,
	"unit_id" integer,
	"person_id" integer,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "team_membership" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_membership_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "team_membership_dates" CHECK ("team_membership"."ended_on" is null or "team_membership"."ended_on" >= "team_membership"."started_on" - 1)
);
--> statement-breakpoint
CREATE TABLE "open_role" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "open_role_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"seat" "role_seat" NOT NULL,
	"status" "role_status" DEFAULT 'OPEN' NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date
);
--> statement-breakpoint
CREATE TABLE "org_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"level" text,
	"manager_id" integer,
	"started_on" date,
	"departed_on" date
);
--> statement-breakpoint
CREATE TABLE "seat_assignment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "seat_assignment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"seat" "seat" NOT NULL,
	"person_id" integer NOT NULL,
	"acting" boolean DEFAULT false NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "seat_assignment_dates" CHECK ("seat_assignment"."ended_on" is null or "seat_assignment"."ended_on" >= "seat_assignment"."started_on" - 1)
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"layer" "layer" NOT NULL,
	"parent_id" integer,
	"charter" text,
	"archived_on" date,
	CONSTRAINT "unit_slug_format" CHECK ("unit"."slug" ~ '^[a-z0-9-]+$')
);
--> statement-breakpoint
ALTER TABLE "aor_ownership" ADD CONSTRAINT "aor_ownership_aor_id_aor_id_fk" FOREIGN KEY ("aor_id") REFERENCES "public"."aor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aor_ownership" ADD CONSTRAINT "aor_ownership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aor" ADD CONSTRAINT "aor_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_candidate" ADD CONSTRAINT "succession_candidate_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_candidate" ADD CONSTRAINT "succession_candidate_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change" ADD CONSTRAINT "change_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change" ADD CONSTRAINT "change_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_membership" ADD CONSTRAINT "team_membership_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_membership" ADD CONSTRAINT "team_membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_role" ADD CONSTRAINT "open_role_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_assignment" ADD CONSTRAINT "seat_assignment_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_assignment" ADD CONSTRAINT "seat_assignment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_unit_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aor_ownership_current_primary_key" ON "aor_ownership" USING btree ("aor_id") WHERE "aor_ownership"."ended_on" is null and "aor_ownership"."role" = 'PRIMARY';--> statement-breakpoint
CREATE UNIQUE INDEX "aor_ownership_current_person_key" ON "aor_ownership" USING btree ("aor_id","person_id") WHERE "aor_ownership"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "aor_ownership_person_idx" ON "aor_ownership" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aor_slug_key" ON "aor" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "aor_unit_idx" ON "aor" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_token_hash_key" ON "api_token" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "succession_candidate_current_key" ON "succession_candidate" USING btree ("unit_id","seat","person_id") WHERE "succession_candidate"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "succession_candidate_person_idx" ON "succession_candidate" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "change_unit_idx" ON "change" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "change_person_idx" ON "change" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "change_at_idx" ON "change" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "team_membership_current_key" ON "team_membership" USING btree ("person_id") WHERE "team_membership"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "team_membership_unit_idx" ON "team_membership" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "open_role_unit_idx" ON "open_role" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_email_key" ON "person" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "person_manager_idx" ON "person" USING btree ("manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seat_assignment_current_key" ON "seat_assignment" USING btree ("unit_id","seat") WHERE "seat_assignment"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "seat_assignment_person_idx" ON "seat_assignment" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_slug_key" ON "unit" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "unit_parent_idx" ON "unit" USING btree ("parent_id");
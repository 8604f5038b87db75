ALTER TABLE "api_token" ADD COLUMN "scope_unit_id" integer;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_scope_unit_id_unit_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_admin_unscoped" CHECK ("api_token"."role" <> 'ADMIN' or "api_token"."scope_unit_id" is null);
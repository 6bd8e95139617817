CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_api_key_id" integer,
	"account_id" integer NOT NULL,
	"account_path" integer[] NOT NULL,
	"root_id" integer NOT NULL,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" integer,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_path_idx" ON "audit_entries" USING gin ("account_path");--> statement-breakpoint
CREATE INDEX "audit_entries_account_at_idx" ON "audit_entries" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_root_at_idx" ON "audit_entries" USING btree ("root_id","at");
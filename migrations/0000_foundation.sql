CREATE TYPE "public"."channel_tier" AS ENUM('BRAND', 'GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'BUYER', 'FINANCE', 'SERVICE', 'ANALYST');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"path" integer[] NOT NULL,
	"root_id" integer NOT NULL,
	"name" text NOT NULL,
	"tier" "channel_tier" NOT NULL,
	"code" text,
	"territory" text[] DEFAULT '{}'::text[] NOT NULL,
	"address_line1" text,
	"address_city" text,
	"address_region_code" text,
	"address_postal_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"credit_limit" bigint,
	"credit_used" bigint DEFAULT 0 NOT NULL,
	"service_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feature_flags" (
	"key" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"everyone" boolean DEFAULT false NOT NULL,
	"tiers" "channel_tier"[] DEFAULT '{}' NOT NULL,
	"account_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portals" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"display_name" text NOT NULL,
	"logo_url" text,
	"primary_color" text,
	"welcome_text" text
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" "user_role"[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_parent_id_accounts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portals" ADD CONSTRAINT "portals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_path_gin" ON "accounts" USING gin ("path");--> statement-breakpoint
CREATE INDEX "accounts_parent_idx" ON "accounts" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_code_uq" ON "accounts" USING btree ("root_id","code");--> statement-breakpoint
CREATE INDEX "accounts_region_idx" ON "accounts" USING btree ("address_region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "portals_slug_uq" ON "portals" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_account_idx" ON "users" USING btree ("account_id");
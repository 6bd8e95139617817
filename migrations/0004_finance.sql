CREATE TYPE "public"."accrual_status" AS ENUM('PENDING', 'SETTLED');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('REQUESTED', 'ISSUED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."invoice_type" AS ENUM('GENERAL_VAT', 'SPECIAL_VAT');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('ORDER_CHARGE', 'PAYMENT', 'CREDIT_NOTE', 'REBATE', 'ADJUSTMENT');--> statement-breakpoint
CREATE TYPE "public"."rebate_period" AS ENUM('MONTH', 'QUARTER');--> statement-breakpoint
CREATE TYPE "public"."statement_status" AS ENUM('ISSUED', 'CONFIRMED', 'DISPUTED', 'SUPERSEDED');--> statement-breakpoint
CREATE TABLE "invoice_allocations" (
	"invoice_request_id" integer NOT NULL,
	"order_id" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "invoice_allocations_invoice_request_id_order_id_pk" PRIMARY KEY("invoice_request_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "invoice_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"buyer_id" integer NOT NULL,
	"seller_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"statement_id" integer,
	"title" text NOT NULL,
	"tax_id" text NOT NULL,
	"type" "invoice_type" NOT NULL,
	"amount" bigint NOT NULL,
	"status" "invoice_status" DEFAULT 'REQUESTED' NOT NULL,
	"invoice_number" text,
	"issued_on" date,
	"reject_reason" text,
	"requested_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "invoice_requests_positive" CHECK ("invoice_requests"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"buyer_id" integer NOT NULL,
	"seller_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"root_id" integer NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"amount" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"order_id" integer,
	"reference" text,
	"method" text,
	"reason" text,
	"source_id" integer,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_nonzero" CHECK ("ledger_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "rebate_accruals" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" integer NOT NULL,
	"buyer_id" integer NOT NULL,
	"seller_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"volume" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount" bigint NOT NULL,
	"order_ids" integer[] NOT NULL,
	"status" "accrual_status" DEFAULT 'PENDING' NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"settled_entry_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rebate_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" integer NOT NULL,
	"name" text NOT NULL,
	"period" "rebate_period" NOT NULL,
	"online_only" boolean DEFAULT false NOT NULL,
	"tiers" jsonb NOT NULL,
	"account_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"buyer_id" integer NOT NULL,
	"seller_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" "statement_status" DEFAULT 'ISSUED' NOT NULL,
	"opening_balance" bigint NOT NULL,
	"closing_balance" bigint NOT NULL,
	"order_count" integer NOT NULL,
	"payment_count" integer NOT NULL,
	"entry_ids" integer[] NOT NULL,
	"dispute_reason" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "statements_period" CHECK ("statements"."period_start" < "statements"."period_end")
);
--> statement-breakpoint
ALTER TABLE "invoice_allocations" ADD CONSTRAINT "invoice_allocations_invoice_request_id_invoice_requests_id_fk" FOREIGN KEY ("invoice_request_id") REFERENCES "public"."invoice_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_allocations" ADD CONSTRAINT "invoice_allocations_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_requests" ADD CONSTRAINT "invoice_requests_buyer_id_accounts_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_requests" ADD CONSTRAINT "invoice_requests_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_buyer_id_accounts_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_seller_id_accounts_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebate_accruals" ADD CONSTRAINT "rebate_accruals_policy_id_rebate_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."rebate_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebate_accruals" ADD CONSTRAINT "rebate_accruals_buyer_id_accounts_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebate_policies" ADD CONSTRAINT "rebate_policies_owner_id_accounts_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_buyer_id_accounts_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_allocations_order_idx" ON "invoice_allocations" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_requests_number_uq" ON "invoice_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "invoice_requests_buyer_idx" ON "invoice_requests" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "ledger_buyer_at_idx" ON "ledger_entries" USING btree ("buyer_id","at");--> statement-breakpoint
CREATE INDEX "ledger_buyer_path_gin" ON "ledger_entries" USING gin ("buyer_path");--> statement-breakpoint
CREATE INDEX "ledger_order_idx" ON "ledger_entries" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payment_reference_uq" ON "ledger_entries" USING btree ("buyer_id","reference") WHERE "ledger_entries"."kind" = 'PAYMENT';--> statement-breakpoint
CREATE UNIQUE INDEX "rebate_accruals_policy_buyer_period_uq" ON "rebate_accruals" USING btree ("policy_id","buyer_id","period_start");--> statement-breakpoint
CREATE INDEX "rebate_accruals_buyer_idx" ON "rebate_accruals" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "rebate_policies_owner_idx" ON "rebate_policies" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_number_uq" ON "statements" USING btree ("number");--> statement-breakpoint
CREATE INDEX "statements_buyer_idx" ON "statements" USING btree ("buyer_id","period_start");
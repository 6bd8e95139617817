CREATE TYPE "public"."media_kind" AS ENUM('IMAGE', 'DOCUMENT', 'VIDEO');--> statement-breakpoint
CREATE TYPE "public"."promotion_kind" AS ENUM('PERCENT_OFF', 'AMOUNT_OFF');--> statement-breakpoint
CREATE TABLE "channel_settings" (
	"root_id" integer PRIMARY KEY NOT NULL,
	"public_catalog" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assortment_items" (
	"seller_id" integer NOT NULL,
	"variant_id" integer NOT NULL,
	CONSTRAINT "assortment_items_seller_id_variant_id_pk" PRIMARY KEY("seller_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "assortments" (
	"seller_id" integer PRIMARY KEY NOT NULL,
	"include_all" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_media" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"url" text NOT NULL,
	"kind" "media_kind" NOT NULL,
	"title" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"category_id" integer,
	"attributes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "variants" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '台' NOT NULL,
	"min_order_quantity" integer DEFAULT 1 NOT NULL,
	"order_increment" integer DEFAULT 1 NOT NULL,
	"suggested_retail_price" bigint,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "variants_moq_positive" CHECK ("variants"."min_order_quantity" >= 1),
	CONSTRAINT "variants_increment_positive" CHECK ("variants"."order_increment" >= 1),
	CONSTRAINT "variants_srp_nonnegative" CHECK ("variants"."suggested_retail_price" is null or "variants"."suggested_retail_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "price_floors" (
	"variant_id" integer NOT NULL,
	"tier" "channel_tier" NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "price_floors_variant_id_tier_pk" PRIMARY KEY("variant_id","tier"),
	CONSTRAINT "price_floors_nonnegative" CHECK ("price_floors"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "price_list_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"price_list_id" integer NOT NULL,
	"account_id" integer,
	"region_code" text,
	"tier" "channel_tier"
);
--> statement-breakpoint
CREATE TABLE "price_list_entries" (
	"price_list_id" integer NOT NULL,
	"variant_id" integer NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"price" bigint NOT NULL,
	CONSTRAINT "price_list_entries_price_list_id_variant_id_min_quantity_pk" PRIMARY KEY("price_list_id","variant_id","min_quantity"),
	CONSTRAINT "price_list_entries_positive" CHECK ("price_list_entries"."price" > 0 and "price_list_entries"."min_quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" integer NOT NULL,
	"name" text NOT NULL,
	"currency_code" text DEFAULT 'CNY' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_lists_window" CHECK ("price_lists"."valid_from" is null or "price_lists"."valid_to" is null or "price_lists"."valid_from" < "price_lists"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" "promotion_kind" NOT NULL,
	"value" bigint NOT NULL,
	"stackable" boolean DEFAULT false NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"tiers" "channel_tier"[] DEFAULT '{}' NOT NULL,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"account_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"variant_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"category_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotions_value_positive" CHECK ("promotions"."value" > 0)
);
--> statement-breakpoint
ALTER TABLE "channel_settings" ADD CONSTRAINT "channel_settings_root_id_accounts_id_fk" FOREIGN KEY ("root_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assortment_items" ADD CONSTRAINT "assortment_items_seller_id_accounts_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assortment_items" ADD CONSTRAINT "assortment_items_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assortments" ADD CONSTRAINT "assortments_seller_id_accounts_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_media" ADD CONSTRAINT "product_media_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "variants" ADD CONSTRAINT "variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_floors" ADD CONSTRAINT "price_floors_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_assignments" ADD CONSTRAINT "price_list_assignments_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_assignments" ADD CONSTRAINT "price_list_assignments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_entries" ADD CONSTRAINT "price_list_entries_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_entries" ADD CONSTRAINT "price_list_entries_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_owner_id_accounts_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_owner_id_accounts_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "categories_parent_name_uq" ON "categories" USING btree (coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "product_media_product_idx" ON "product_media" USING btree ("product_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_uq" ON "products" USING btree ("code");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "variants_sku_uq" ON "variants" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "variants_product_idx" ON "variants" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "price_list_assignments_list_idx" ON "price_list_assignments" USING btree ("price_list_id");--> statement-breakpoint
CREATE INDEX "price_list_entries_variant_idx" ON "price_list_entries" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "price_lists_owner_idx" ON "price_lists" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "promotions_owner_idx" ON "promotions" USING btree ("owner_id");
CREATE TABLE "sales_daily" (
	"day" date NOT NULL,
	"root_id" integer NOT NULL,
	"buyer_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"buyer_tier" "channel_tier" NOT NULL,
	"seller_id" integer NOT NULL,
	"variant_id" integer NOT NULL,
	"channel" "order_channel" NOT NULL,
	"region_code" text NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"revenue" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_monthly" (
	"day" date NOT NULL,
	"root_id" integer NOT NULL,
	"buyer_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"buyer_tier" "channel_tier" NOT NULL,
	"seller_id" integer NOT NULL,
	"variant_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"revenue" bigint NOT NULL,
	"online_revenue" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_orders_daily" (
	"day" date NOT NULL,
	"root_id" integer NOT NULL,
	"buyer_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"buyer_tier" "channel_tier" NOT NULL,
	"seller_id" integer NOT NULL,
	"channel" "order_channel" NOT NULL,
	"region_code" text NOT NULL,
	"orders" integer NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"revenue" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_orders_monthly" (
	"day" date NOT NULL,
	"root_id" integer NOT NULL,
	"buyer_id" integer NOT NULL,
	"buyer_path" integer[] NOT NULL,
	"buyer_tier" "channel_tier" NOT NULL,
	"seller_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"orders" integer NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"revenue" bigint NOT NULL,
	"online_revenue" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sales_daily_key" ON "sales_daily" USING btree ("buyer_id","day","variant_id","seller_id","channel","region_code","buyer_path");--> statement-breakpoint
CREATE INDEX "sales_daily_day_idx" ON "sales_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "sales_daily_path_gin" ON "sales_daily" USING gin ("buyer_path");--> statement-breakpoint
CREATE INDEX "sales_daily_variant_day_idx" ON "sales_daily" USING btree ("variant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_monthly_key" ON "sales_monthly" USING btree ("buyer_id","day","variant_id","seller_id","region_code","buyer_path");--> statement-breakpoint
CREATE INDEX "sales_monthly_day_idx" ON "sales_monthly" USING btree ("day");--> statement-breakpoint
CREATE INDEX "sales_monthly_path_gin" ON "sales_monthly" USING gin ("buyer_path");--> statement-breakpoint
CREATE INDEX "sales_monthly_variant_day_idx" ON "sales_monthly" USING btree ("variant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_orders_daily_key" ON "sales_orders_daily" USING btree ("buyer_id","day","seller_id","channel","region_code","buyer_path");--> statement-breakpoint
CREATE INDEX "sales_orders_daily_day_idx" ON "sales_orders_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "sales_orders_daily_path_gin" ON "sales_orders_daily" USING gin ("buyer_path");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_orders_monthly_key" ON "sales_orders_monthly" USING btree ("buyer_id","day","seller_id","region_code","buyer_path");--> statement-breakpoint
CREATE INDEX "sales_orders_monthly_day_idx" ON "sales_orders_monthly" USING btree ("day");--> statement-breakpoint
CREATE INDEX "sales_orders_monthly_path_gin" ON "sales_orders_monthly" USING gin ("buyer_path");
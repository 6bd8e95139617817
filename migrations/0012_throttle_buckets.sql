-- UNLOGGED by hand (drizzle-kit has no such option): the buckets are worth no WAL,
-- and after a crash of PostgreSQL they start full again (src/modules/throttle/tables.ts).
CREATE UNLOGGED TABLE "throttle_buckets" (
	"credential" text PRIMARY KEY NOT NULL,
	"available" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"charged" boolean DEFAULT true NOT NULL
);

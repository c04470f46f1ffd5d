ALTER TABLE "api_providers" ADD COLUMN "ambiguous_streak" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_providers" ADD COLUMN "breaker_open_until" timestamp with time zone;
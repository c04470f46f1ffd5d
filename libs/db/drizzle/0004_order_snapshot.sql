ALTER TABLE "api_providers" ADD COLUMN "rate_to_usd" numeric(20, 10);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "service_type" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "units" bigint;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "soft_rejections" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "sync_errors" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "review_kind" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "price_locked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "disabled_by_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "status_reason" text;
ALTER TABLE "orders" ALTER COLUMN "service_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "units" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "sent_service_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_provider_order_unique" ON "orders" USING btree ("provider_id","provider_order_id") WHERE "orders"."provider_order_id" is not null;
ALTER TABLE "orders" ADD COLUMN "cancel_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancel_error" text;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_cancel_status_known" CHECK ("orders"."cancel_status" is null or "orders"."cancel_status" in ('pending','submitting','sent','rejected','needs_review'));
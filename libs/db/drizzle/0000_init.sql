CREATE TABLE "activity_log" (
	"id" text PRIMARY KEY NOT NULL,
	"actor_id" text,
	"order_id" text,
	"provider_id" text,
	"provider_order_id" text,
	"user_id" text,
	"action" text NOT NULL,
	"message" text,
	"provider_response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_providers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"api_url" text NOT NULL,
	"api_key_enc" text NOT NULL,
	"login_user" text,
	"login_pass_enc" text,
	"status" text DEFAULT 'active' NOT NULL,
	"is_custom" boolean DEFAULT false NOT NULL,
	"kind" text DEFAULT 'smm-v2' NOT NULL,
	"last_balance" numeric(20, 6),
	"last_balance_currency" text,
	"last_balance_at" timestamp with time zone,
	"max_concurrency" integer DEFAULT 10 NOT NULL,
	"flagged_at" timestamp with time zone,
	"flag_reason" text,
	"sync_backoff_until" timestamp with time zone,
	"sync_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"order_id" text,
	"kind" text NOT NULL,
	"amount" numeric(20, 6) NOT NULL,
	"balance_after" numeric(20, 6) NOT NULL,
	"currency" text NOT NULL,
	"note" text,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_charge_negative" CHECK ("ledger"."kind" <> 'charge' OR "ledger"."amount" <= 0),
	CONSTRAINT "ledger_refund_positive" CHECK ("ledger"."kind" <> 'refund' OR "ledger"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"service_id" text NOT NULL,
	"category_id" text NOT NULL,
	"provider_id" text,
	"provider_order_id" text,
	"link" text NOT NULL,
	"quantity" integer NOT NULL,
	"runs" integer,
	"interval" integer,
	"comments" text,
	"price" numeric(20, 6) NOT NULL,
	"currency" text NOT NULL,
	"bdt_price" numeric(20, 6) NOT NULL,
	"usd_price" numeric(20, 6) NOT NULL,
	"provider_charge" numeric(20, 6),
	"provider_currency" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"provider_status" text,
	"start_count" bigint,
	"remains" bigint,
	"is_manual" boolean DEFAULT false NOT NULL,
	"admin_notes" text,
	"last_status_check" timestamp with time zone,
	"next_status_check" timestamp with time zone,
	"unchanged_checks" integer DEFAULT 0 NOT NULL,
	"submit_attempts" integer DEFAULT 0 NOT NULL,
	"forward_round" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"last_error" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "orders_quantity_positive" CHECK ("orders"."quantity" > 0),
	CONSTRAINT "orders_price_non_negative" CHECK ("orders"."price" >= 0),
	CONSTRAINT "orders_status_known" CHECK ("orders"."status" in ('pending','submitting','needs_review','processing','in_progress','completed','partial','canceled'))
);
--> statement-breakpoint
CREATE TABLE "refills" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"user_id" text NOT NULL,
	"provider_refill_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"provider_status" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category_id" text NOT NULL,
	"provider_id" text,
	"provider_name" text,
	"provider_service_id" text,
	"type" text DEFAULT 'Default' NOT NULL,
	"rate" numeric(20, 6),
	"rate_usd" numeric(20, 6),
	"provider_rate" numeric(20, 6),
	"min_order" integer DEFAULT 1 NOT NULL,
	"max_order" integer DEFAULT 1000000 NOT NULL,
	"mode" text DEFAULT 'auto' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"refill" boolean DEFAULT false NOT NULL,
	"cancel" boolean DEFAULT false NOT NULL,
	"dripfeed" boolean DEFAULT false NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_min_max" CHECK ("services"."min_order" >= 1 AND "services"."max_order" >= "services"."min_order"),
	CONSTRAINT "services_has_rate" CHECK ("services"."rate" IS NOT NULL OR "services"."rate_usd" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"balance" numeric(20, 6) DEFAULT '0' NOT NULL,
	"currency" text DEFAULT 'BDT' NOT NULL,
	"dollar_rate" numeric(20, 6) DEFAULT '120' NOT NULL,
	"api_key_hash" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_balance_non_negative" CHECK ("users"."balance" >= 0),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_dollar_rate_positive" CHECK ("users"."dollar_rate" > 0)
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger" ADD CONSTRAINT "ledger_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger" ADD CONSTRAINT "ledger_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_provider_id_api_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."api_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refills" ADD CONSTRAINT "refills_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refills" ADD CONSTRAINT "refills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_provider_id_api_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."api_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_provider_order_id_idx" ON "activity_log" USING btree ("provider_order_id");--> statement-breakpoint
CREATE INDEX "activity_order_idx" ON "activity_log" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_provider_idx" ON "activity_log" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_user_idx" ON "activity_log" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_user_created_idx" ON "ledger" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_order_kind_unique" ON "ledger" USING btree ("order_id","kind") WHERE "ledger"."kind" in ('charge', 'refund');--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status");--> statement-breakpoint
CREATE INDEX "orders_provider_order_id_idx" ON "orders" USING btree ("provider_order_id");--> statement-breakpoint
CREATE INDEX "orders_provider_id_idx" ON "orders" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "orders_last_status_check_idx" ON "orders" USING btree ("last_status_check");--> statement-breakpoint
CREATE INDEX "orders_user_created_idx" ON "orders" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_sync_due_idx" ON "orders" USING btree ("provider_id","next_status_check") WHERE "orders"."status" in ('processing', 'in_progress');--> statement-breakpoint
CREATE INDEX "orders_pending_idx" ON "orders" USING btree ("created_at") WHERE "orders"."status" in ('pending', 'submitting');--> statement-breakpoint
CREATE INDEX "refills_order_idx" ON "refills" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "refills_status_idx" ON "refills" USING btree ("status");--> statement-breakpoint
CREATE INDEX "services_category_idx" ON "services" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_provider_service_unique" ON "services" USING btree ("provider_id","provider_service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_api_key_hash_unique" ON "users" USING btree ("api_key_hash");
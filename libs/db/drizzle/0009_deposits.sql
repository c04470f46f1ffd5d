CREATE TABLE "deposits" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"method_id" text NOT NULL,
	"amount" numeric(20, 6) NOT NULL,
	"currency" text NOT NULL,
	"fee_percent" numeric(5, 2) NOT NULL,
	"transaction_id" text NOT NULL,
	"sender_number" text,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"approved_amount" numeric(20, 6),
	"fee_amount" numeric(20, 6),
	"credited_amount" numeric(20, 6),
	"credited_currency" text,
	"dollar_rate" numeric(20, 6),
	"reject_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deposits_amount_positive" CHECK ("deposits"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"currency" text NOT NULL,
	"account" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"min_amount" numeric(20, 6) NOT NULL,
	"max_amount" numeric(20, 6) NOT NULL,
	"fee_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "payment_methods_amounts" CHECK ("payment_methods"."min_amount" > 0 AND "payment_methods"."max_amount" >= "payment_methods"."min_amount"),
	CONSTRAINT "payment_methods_fee" CHECK ("payment_methods"."fee_percent" >= 0 AND "payment_methods"."fee_percent" < 100)
);
--> statement-breakpoint
ALTER TABLE "ledger" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "ledger" ADD COLUMN "deposit_id" text;--> statement-breakpoint
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_method_id_payment_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."payment_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deposits_method_transaction_unique" ON "deposits" USING btree ("method_id",upper(replace("transaction_id", '-', '')));--> statement-breakpoint
CREATE INDEX "deposits_user_created_idx" ON "deposits" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "deposits_status_created_idx" ON "deposits" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "ledger" ADD CONSTRAINT "ledger_deposit_id_deposits_id_fk" FOREIGN KEY ("deposit_id") REFERENCES "public"."deposits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_deposit_unique" ON "ledger" USING btree ("deposit_id") WHERE "ledger"."deposit_id" is not null;
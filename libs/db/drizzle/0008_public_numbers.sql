-- Public numbers: one never-reused sequence per table, at most 2^31 - 1 (a child panel's int(11)).
-- Existing rows are numbered in the order they were created; new rows take the next value.
CREATE SEQUENCE "public"."orders_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1000 CACHE 1 NO CYCLE;
--> statement-breakpoint
CREATE SEQUENCE "public"."services_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1000 CACHE 1 NO CYCLE;
--> statement-breakpoint
CREATE SEQUENCE "public"."refills_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1000 CACHE 1 NO CYCLE;
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "number" bigint;
--> statement-breakpoint
UPDATE "orders" AS r SET "number" = n."v"
FROM (SELECT "id", nextval('orders_number_seq') AS "v" FROM (SELECT "id" FROM "orders" ORDER BY "created_at", "id") AS x) AS n
WHERE n."id" = r."id";
--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "number" SET DEFAULT nextval('orders_number_seq');
--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "number" SET NOT NULL;
--> statement-breakpoint
ALTER SEQUENCE "public"."orders_number_seq" OWNED BY "orders"."number";
--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_unique" ON "orders" USING btree ("number");
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "number" bigint;
--> statement-breakpoint
UPDATE "services" AS r SET "number" = n."v"
FROM (SELECT "id", nextval('services_number_seq') AS "v" FROM (SELECT "id" FROM "services" ORDER BY "created_at", "id") AS x) AS n
WHERE n."id" = r."id";
--> statement-breakpoint
ALTER TABLE "services" ALTER COLUMN "number" SET DEFAULT nextval('services_number_seq');
--> statement-breakpoint
ALTER TABLE "services" ALTER COLUMN "number" SET NOT NULL;
--> statement-breakpoint
ALTER SEQUENCE "public"."services_number_seq" OWNED BY "services"."number";
--> statement-breakpoint
CREATE UNIQUE INDEX "services_number_unique" ON "services" USING btree ("number");
--> statement-breakpoint
ALTER TABLE "refills" ADD COLUMN "number" bigint;
--> statement-breakpoint
UPDATE "refills" AS r SET "number" = n."v"
FROM (SELECT "id", nextval('refills_number_seq') AS "v" FROM (SELECT "id" FROM "refills" ORDER BY "created_at", "id") AS x) AS n
WHERE n."id" = r."id";
--> statement-breakpoint
ALTER TABLE "refills" ALTER COLUMN "number" SET DEFAULT nextval('refills_number_seq');
--> statement-breakpoint
ALTER TABLE "refills" ALTER COLUMN "number" SET NOT NULL;
--> statement-breakpoint
ALTER SEQUENCE "public"."refills_number_seq" OWNED BY "refills"."number";
--> statement-breakpoint
CREATE UNIQUE INDEX "refills_number_unique" ON "refills" USING btree ("number");

-- Orders placed before orders carried what was sold: take the type from their service and the units
-- from quantity × runs, as every reader did until now.
UPDATE "orders" o SET "service_type" = s."type"
FROM "services" s
WHERE s."id" = o."service_id" AND o."service_type" IS NULL;
--> statement-breakpoint
UPDATE "orders" SET "units" = "quantity"::bigint * coalesce("runs", 1) WHERE "units" IS NULL;
--> statement-breakpoint
-- A provider order id belongs to one order. Where two orders hold the same id (a provider that
-- answered one id twice), the oldest keeps it; every other one loses it and, if still live, waits for
-- an admin with the reason. Nothing is refunded or re-sent here.
WITH ranked AS (
  SELECT "id", "provider_id", "provider_order_id", "status",
         first_value("id") OVER w AS "holder",
         row_number() OVER w AS "n"
  FROM "orders"
  WHERE "provider_order_id" IS NOT NULL
  WINDOW w AS (PARTITION BY "provider_id", "provider_order_id" ORDER BY "created_at", "id")
)
UPDATE "orders" o SET
  "status" = CASE WHEN o."status" IN ('processing', 'in_progress') THEN 'needs_review' ELSE o."status" END,
  "review_kind" = CASE WHEN o."status" IN ('processing', 'in_progress') THEN 'duplicate_provider_id' ELSE o."review_kind" END,
  "next_status_check" = CASE WHEN o."status" IN ('processing', 'in_progress') THEN NULL ELSE o."next_status_check" END,
  "last_error" = 'provider order ' || r."provider_order_id" || ' is also held by ' || r."holder" || '; removed from this order',
  "admin_notes" = concat_ws(E'\n', o."admin_notes", 'had provider order ' || r."provider_order_id" || ' (duplicate of ' || r."holder" || ')'),
  "provider_order_id" = NULL,
  "updated_at" = now()
FROM ranked r
WHERE r."id" = o."id" AND r."n" > 1;

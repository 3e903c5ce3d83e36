CREATE TABLE "country" (
	"code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"category" text NOT NULL,
	"support_body" text NOT NULL,
	"joined_on" date NOT NULL,
	"joined_on_approximate" boolean DEFAULT false NOT NULL,
	"joined_source" text NOT NULL,
	"left_on" date,
	"left_source" text,
	"has_regions" boolean DEFAULT false NOT NULL,
	CONSTRAINT "country_code_format" CHECK ("country"."code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "country_category_known" CHECK ("country"."category" IN ('eu_member', 'candidate_or_special', 'etwinning_plus')),
	CONSTRAINT "country_support_body_known" CHECK ("country"."support_body" IN ('NSS', 'PSA')),
	CONSTRAINT "country_left_after_join" CHECK ("country"."left_on" IS NULL OR "country"."left_on" >= "country"."joined_on"),
	CONSTRAINT "country_left_has_source" CHECK ("country"."left_on" IS NULL OR "country"."left_source" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" serial PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"code" text NOT NULL,
	"names" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_service" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"country_code" text,
	"name" text,
	"website" text,
	CONSTRAINT "support_service_scope_country" CHECK (("support_service"."scope" = 'central' AND "support_service"."country_code" IS NULL) OR ("support_service"."scope" = 'national' AND "support_service"."country_code" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "region" ADD CONSTRAINT "region_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_service" ADD CONSTRAINT "support_service_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "region_code_unique" ON "region" USING btree ("code");--> statement-breakpoint
CREATE INDEX "region_country_idx" ON "region" USING btree ("country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "support_service_one_central" ON "support_service" USING btree ("scope") WHERE "support_service"."scope" = 'central';--> statement-breakpoint
CREATE UNIQUE INDEX "support_service_one_per_country" ON "support_service" USING btree ("country_code");
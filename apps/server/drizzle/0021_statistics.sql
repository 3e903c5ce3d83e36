CREATE TABLE "stat_day" (
	"area" text NOT NULL,
	"day" date NOT NULL,
	"teachers" integer DEFAULT 0 NOT NULL,
	"schools" integer DEFAULT 0 NOT NULL,
	"projects" integer DEFAULT 0 NOT NULL,
	"founded" integer DEFAULT 0 NOT NULL,
	"active_projects" integer DEFAULT 0 NOT NULL,
	"founded_active" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_day_area_day_pk" PRIMARY KEY("area","day")
);
--> statement-breakpoint
CREATE TABLE "stat_import" (
	"batch_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"day" date NOT NULL,
	"teachers" integer NOT NULL,
	"schools" integer NOT NULL,
	"projects" integer NOT NULL,
	CONSTRAINT "stat_import_country_code_day_pk" PRIMARY KEY("country_code","day"),
	CONSTRAINT "stat_import_counts" CHECK ("stat_import"."teachers" >= 0 AND "stat_import"."schools" >= 0 AND "stat_import"."projects" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stat_import_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_month" (
	"area" text NOT NULL,
	"month" date NOT NULL,
	"end_day" date NOT NULL,
	"teachers" integer DEFAULT 0 NOT NULL,
	"schools" integer DEFAULT 0 NOT NULL,
	"projects" integer DEFAULT 0 NOT NULL,
	"founded" integer DEFAULT 0 NOT NULL,
	"active_projects" integer DEFAULT 0 NOT NULL,
	"founded_active" integer DEFAULT 0 NOT NULL,
	"new_projects" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_month_area_month_pk" PRIMARY KEY("area","month")
);
--> statement-breakpoint
CREATE TABLE "stat_partner_day" (
	"country_code" text NOT NULL,
	"partner_code" text NOT NULL,
	"day" date NOT NULL,
	"projects" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_partner_day_country_code_partner_code_day_pk" PRIMARY KEY("country_code","partner_code","day")
);
--> statement-breakpoint
CREATE TABLE "stat_rollup" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"rolled_until" date NOT NULL,
	"rolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_rollup_single" CHECK ("stat_rollup"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "stat_import" ADD CONSTRAINT "stat_import_batch_id_stat_import_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stat_import_batch"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_import" ADD CONSTRAINT "stat_import_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_import_batch" ADD CONSTRAINT "stat_import_batch_imported_by_person_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_import_batch_idx" ON "stat_import" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "affiliation_decided_idx" ON "affiliation" USING btree ("decided_at") WHERE "affiliation"."status" = 'validated';--> statement-breakpoint
CREATE INDEX "affiliation_ended_idx" ON "affiliation" USING btree ("ended_at") WHERE "affiliation"."ended_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "project_activated_idx" ON "project" USING btree ("activated_at") WHERE "project"."activated_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "project_closed_idx" ON "project" USING btree ("closed_at") WHERE "project"."closed_at" IS NOT NULL;
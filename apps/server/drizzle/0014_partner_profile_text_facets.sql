-- Derived rows: emptied here, rebuilt by the next migration.
DELETE FROM "partner_profile_text";--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "country_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "country_category" text NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "levels" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "age_min" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "age_max" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "subjects" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "languages" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "looking_for_partners" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "last_active_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD COLUMN "facet_tags" text[] NOT NULL;
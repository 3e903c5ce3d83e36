ALTER TABLE "partner_profile" ADD COLUMN "facet_tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile" ALTER COLUMN "facet_tags" DROP DEFAULT;

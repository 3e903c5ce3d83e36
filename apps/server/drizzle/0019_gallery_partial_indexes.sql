DROP INDEX "project_document_idx";--> statement-breakpoint
DROP INDEX "project_countries_idx";--> statement-breakpoint
DROP INDEX "project_subjects_idx";--> statement-breakpoint
CREATE INDEX "project_document_idx" ON "project" USING gin ("document") WHERE "project"."listed" AND "project"."state" IN ('active', 'closed');--> statement-breakpoint
CREATE INDEX "project_countries_idx" ON "project" USING gin ("country_codes") WHERE "project"."listed" AND "project"."state" IN ('active', 'closed');--> statement-breakpoint
CREATE INDEX "project_subjects_idx" ON "project" USING gin ("subjects") WHERE "project"."listed" AND "project"."state" IN ('active', 'closed');
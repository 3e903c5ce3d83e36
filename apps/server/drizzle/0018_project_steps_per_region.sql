ALTER TABLE "project_member" DROP CONSTRAINT "project_member_person_id_person_id_fk";
--> statement-breakpoint
DROP INDEX "project_gallery_idx";--> statement-breakpoint
ALTER TABLE "project_approval" DROP CONSTRAINT "project_approval_project_id_country_code_pk";--> statement-breakpoint
ALTER TABLE "project_member" DROP CONSTRAINT "project_member_project_id_person_id_pk";--> statement-breakpoint
ALTER TABLE "project_member" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "project_approval" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "project_member" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_approval_step_unique" ON "project_approval" USING btree ("project_id","country_code",COALESCE("region_id", 0));--> statement-breakpoint
CREATE UNIQUE INDEX "project_member_person_unique" ON "project_member" USING btree ("project_id","person_id");--> statement-breakpoint
CREATE INDEX "project_gallery_idx" ON "project" USING btree ("activated_at" DESC,"id" DESC) WHERE "project"."listed" AND "project"."state" IN ('active', 'closed');
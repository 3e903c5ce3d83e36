CREATE TABLE "partner_profile_text" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"name_key" text NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "partner_profile_document_idx";--> statement-breakpoint
DROP INDEX "partner_profile_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "partner_profile_text" ADD CONSTRAINT "partner_profile_text_person_id_partner_profile_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."partner_profile"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_profile_text_document_idx" ON "partner_profile_text" USING gin ("document");--> statement-breakpoint
CREATE INDEX "partner_profile_text_name_trgm_idx" ON "partner_profile_text" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "partner_profile" DROP COLUMN "name_key";--> statement-breakpoint
ALTER TABLE "partner_profile" DROP COLUMN "document";
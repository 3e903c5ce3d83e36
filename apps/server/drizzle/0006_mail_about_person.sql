ALTER TABLE "mail_outbox" ADD COLUMN "about_person_id" uuid;--> statement-breakpoint
CREATE INDEX "mail_outbox_about_idx" ON "mail_outbox" USING btree ("about_person_id");
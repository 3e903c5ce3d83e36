CREATE TABLE "stat_departed_affiliation" (
	"person_key" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stat_departed_affiliation" ADD CONSTRAINT "stat_departed_affiliation_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_departed_person_idx" ON "stat_departed_affiliation" USING btree ("person_key");--> statement-breakpoint
CREATE INDEX "stat_departed_ended_idx" ON "stat_departed_affiliation" USING btree ("ended_at");--> statement-breakpoint
CREATE INDEX "project_member_joined_idx" ON "project_member" USING btree ("joined_at");--> statement-breakpoint
CREATE INDEX "project_member_left_idx" ON "project_member" USING btree ("left_at") WHERE "project_member"."left_at" IS NOT NULL;
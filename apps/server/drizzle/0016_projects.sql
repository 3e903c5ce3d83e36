CREATE TABLE "domain_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"pupils" integer,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"tools" text,
	"aims" text,
	"work_process" text,
	"expected_results" text,
	"erasmus_reference" text,
	"from_post_id" uuid,
	"created_by" uuid,
	"cofounder_id" uuid,
	"cofounder_school_id" uuid,
	"listed" boolean DEFAULT true NOT NULL,
	"rejection_reason" text,
	"rejected_country" text,
	"rejected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"school_year" integer,
	"country_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"school_count" integer DEFAULT 0 NOT NULL,
	"document" "tsvector" DEFAULT ''::tsvector NOT NULL,
	CONSTRAINT "project_kind_known" CHECK ("project"."kind" IN ('european', 'national')),
	CONSTRAINT "project_state_known" CHECK ("project"."state" IN ('draft', 'awaiting_partner', 'awaiting_approval', 'active', 'closed', 'archived', 'rejected')),
	CONSTRAINT "project_ages" CHECK ("project"."age_min" IS NULL OR "project"."age_max" IS NULL OR "project"."age_min" <= "project"."age_max")
);
--> statement-breakpoint
CREATE TABLE "project_approval" (
	"project_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"region_id" integer,
	"awaited_since" timestamp with time zone,
	"region_consented_at" timestamp with time zone,
	"region_consented_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	CONSTRAINT "project_approval_project_id_country_code_pk" PRIMARY KEY("project_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "project_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"invited_by" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "project_invitation_status_known" CHECK ("project_invitation"."status" IN ('pending', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "project_member" (
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "project_member_project_id_person_id_pk" PRIMARY KEY("project_id","person_id"),
	CONSTRAINT "project_member_role_known" CHECK ("project_member"."role" IN ('founder', 'partner')),
	CONSTRAINT "project_member_founders_stay" CHECK ("project_member"."role" = 'partner' OR "project_member"."left_at" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "twinspace" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "twinspace_member" (
	"twinspace_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "twinspace_member_twinspace_id_person_id_pk" PRIMARY KEY("twinspace_id","person_id"),
	CONSTRAINT "twinspace_member_role_known" CHECK ("twinspace_member"."role" IN ('teacher_admin', 'teacher_member', 'pupil_admin', 'pupil', 'visitor'))
);
--> statement-breakpoint
ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_known";--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_cofounder_id_person_id_fk" FOREIGN KEY ("cofounder_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_cofounder_school_id_school_id_fk" FOREIGN KEY ("cofounder_school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approval" ADD CONSTRAINT "project_approval_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approval" ADD CONSTRAINT "project_approval_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approval" ADD CONSTRAINT "project_approval_region_consented_by_person_id_fk" FOREIGN KEY ("region_consented_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approval" ADD CONSTRAINT "project_approval_approved_by_person_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_invitation" ADD CONSTRAINT "project_invitation_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_invitation" ADD CONSTRAINT "project_invitation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_invitation" ADD CONSTRAINT "project_invitation_invited_by_person_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twinspace" ADD CONSTRAINT "twinspace_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twinspace_member" ADD CONSTRAINT "twinspace_member_twinspace_id_twinspace_id_fk" FOREIGN KEY ("twinspace_id") REFERENCES "public"."twinspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twinspace_member" ADD CONSTRAINT "twinspace_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domain_event_subject_idx" ON "domain_event" USING btree ("subject_id","id");--> statement-breakpoint
CREATE INDEX "domain_event_actor_idx" ON "domain_event" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "project_gallery_idx" ON "project" USING btree ("activated_at" DESC,"id") WHERE "project"."listed" AND "project"."state" IN ('active', 'closed');--> statement-breakpoint
CREATE INDEX "project_document_idx" ON "project" USING gin ("document");--> statement-breakpoint
CREATE INDEX "project_countries_idx" ON "project" USING gin ("country_codes");--> statement-breakpoint
CREATE INDEX "project_subjects_idx" ON "project" USING gin ("subjects");--> statement-breakpoint
CREATE INDEX "project_state_idx" ON "project" USING btree ("state","state_changed_at");--> statement-breakpoint
CREATE INDEX "project_approval_queue_idx" ON "project_approval" USING btree ("country_code","awaited_since") WHERE "project_approval"."approved_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "project_invitation_pending_idx" ON "project_invitation" USING btree ("project_id","person_id") WHERE "project_invitation"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "project_invitation_person_idx" ON "project_invitation" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "project_member_person_idx" ON "project_member" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "twinspace_project_idx" ON "twinspace" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "twinspace_member_person_idx" ON "twinspace_member" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_known" CHECK (kind IN ('contact_request', 'contact_accepted', 'message', 'forum_reply', 'project_cofounder_request', 'project_cofounder_accepted', 'project_cofounder_declined', 'project_approval_needed', 'project_activated', 'project_rejected', 'project_invitation', 'project_member_joined'));
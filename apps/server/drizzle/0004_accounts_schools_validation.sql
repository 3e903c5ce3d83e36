CREATE TABLE "email_token" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"username" text NOT NULL,
	"password_hash" text,
	"email_confirmed_at" timestamp with time zone,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"school_role" text,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"presentation" text DEFAULT '' NOT NULL,
	"looking_for_partners" boolean DEFAULT false NOT NULL,
	"ui_language" text DEFAULT 'es' NOT NULL,
	"time_zone" text DEFAULT 'Europe/Madrid' NOT NULL,
	"code_of_conduct_accepted_at" timestamp with time zone NOT NULL,
	"profile_completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"hidden_from_search_at" timestamp with time zone,
	"inactivity_warned_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "person_ui_language_known" CHECK ("person"."ui_language" IN ('es', 'en'))
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"ip" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failure" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"region_id" integer,
	"name" text NOT NULL,
	"levels" text[] NOT NULL,
	"address" text NOT NULL,
	"city" text NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"pupil_count" integer,
	"website" text,
	"head_name" text NOT NULL,
	"head_email" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_ages" CHECK ("school"."age_min" >= 0 AND "school"."age_max" <= 25 AND "school"."age_min" <= "school"."age_max"),
	CONSTRAINT "school_levels_not_empty" CHECK (cardinality("school"."levels") > 0)
);
--> statement-breakpoint
CREATE TABLE "affiliation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"regional_status" text DEFAULT 'not_required' NOT NULL,
	"regional_confirmed_by" uuid,
	"regional_confirmed_at" timestamp with time zone,
	"head_confirmed_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "affiliation_status_known" CHECK ("affiliation"."status" IN ('pending', 'validated', 'rejected')),
	CONSTRAINT "affiliation_regional_known" CHECK ("affiliation"."regional_status" IN ('not_required', 'awaiting', 'confirmed')),
	CONSTRAINT "affiliation_rejected_has_reason" CHECK ("affiliation"."status" <> 'rejected' OR "affiliation"."decision_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "role_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"country_code" text,
	"region_id" integer,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "role_assignment_scope" CHECK (("role_assignment"."role" = 'css_officer' AND "role_assignment"."country_code" IS NULL AND "role_assignment"."region_id" IS NULL)
        OR ("role_assignment"."role" = 'nss_officer' AND "role_assignment"."country_code" IS NOT NULL AND "role_assignment"."region_id" IS NULL)
        OR ("role_assignment"."role" = 'regional_coordinator' AND "role_assignment"."country_code" IS NOT NULL AND "role_assignment"."region_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "audit_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"subject_id" uuid,
	"subject_label" text DEFAULT '' NOT NULL,
	"country_code" text,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"to_address" text NOT NULL,
	"locale" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "country" ADD COLUMN "uses_regional_step" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_token" ADD CONSTRAINT "email_token_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_regional_confirmed_by_person_id_fk" FOREIGN KEY ("regional_confirmed_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_decided_by_person_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_granted_by_person_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_token_person_idx" ON "email_token" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_email_unique" ON "person" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "person_username_unique" ON "person" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "person_last_sign_in_idx" ON "person" USING btree ("last_sign_in_at");--> statement-breakpoint
CREATE INDEX "session_person_idx" ON "session" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sign_in_failure_key_at_idx" ON "sign_in_failure" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "school_country_idx" ON "school" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "school_name_trgm_idx" ON "school" USING gin (ot_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "school_city_trgm_idx" ON "school" USING gin (ot_unaccent(lower("city")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "affiliation_person_idx" ON "affiliation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliation_school_idx" ON "affiliation" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "affiliation_queue_idx" ON "affiliation" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "role_assignment_person_idx" ON "role_assignment" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "audit_entry_country_at_idx" ON "audit_entry" USING btree ("country_code","at");--> statement-breakpoint
CREATE INDEX "audit_entry_subject_idx" ON "audit_entry" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");
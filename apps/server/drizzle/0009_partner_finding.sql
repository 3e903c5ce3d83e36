CREATE TABLE "partner_profile" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"country_category" text NOT NULL,
	"levels" text[] NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"subjects" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"looking_for_partners" boolean NOT NULL,
	"time_zone" text NOT NULL,
	"last_active_at" timestamp with time zone NOT NULL,
	"name_key" text NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_label" (
	"code" text NOT NULL,
	"locale" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "subject_label_code_locale_pk" PRIMARY KEY("code","locale")
);
--> statement-breakpoint
CREATE TABLE "partner_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"idea" text NOT NULL,
	"language" text NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"subjects" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"countries_wanted" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_start" date,
	"duration_months" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_reply_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"document" "tsvector" DEFAULT ''::tsvector NOT NULL,
	CONSTRAINT "partner_post_kind_known" CHECK ("partner_post"."kind" IN ('offer', 'seek')),
	CONSTRAINT "partner_post_status_known" CHECK ("partner_post"."status" IN ('open', 'closed')),
	CONSTRAINT "partner_post_ages" CHECK ("partner_post"."age_min" >= 0 AND "partner_post"."age_max" <= 25 AND "partner_post"."age_min" <= "partner_post"."age_max"),
	CONSTRAINT "partner_post_duration" CHECK ("partner_post"."duration_months" IS NULL OR "partner_post"."duration_months" BETWEEN 1 AND 36)
);
--> statement-breakpoint
CREATE TABLE "partner_post_reply" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"subject_id" uuid NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_kind_known" CHECK ("notification"."kind" IN ('contact_request', 'contact_accepted', 'message', 'forum_reply'))
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "presentation_language" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "discoverable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "daily_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "digest_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "school" ADD COLUMN "day_start" text DEFAULT '08:30' NOT NULL;--> statement-breakpoint
ALTER TABLE "school" ADD COLUMN "day_end" text DEFAULT '14:30' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_profile" ADD CONSTRAINT "partner_profile_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_profile" ADD CONSTRAINT "partner_profile_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_post" ADD CONSTRAINT "partner_post_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_post_reply" ADD CONSTRAINT "partner_post_reply_post_id_partner_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."partner_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_post_reply" ADD CONSTRAINT "partner_post_reply_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_actor_id_person_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_profile_document_idx" ON "partner_profile" USING gin ("document");--> statement-breakpoint
CREATE INDEX "partner_profile_name_trgm_idx" ON "partner_profile" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partner_profile_subjects_idx" ON "partner_profile" USING gin ("subjects");--> statement-breakpoint
CREATE INDEX "partner_profile_languages_idx" ON "partner_profile" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "partner_profile_country_idx" ON "partner_profile" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "partner_profile_school_idx" ON "partner_profile" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "partner_profile_activity_idx" ON "partner_profile" USING btree ("last_active_at" DESC,"person_id");--> statement-breakpoint
CREATE INDEX "partner_post_document_idx" ON "partner_post" USING gin ("document");--> statement-breakpoint
CREATE INDEX "partner_post_list_idx" ON "partner_post" USING btree ("status","created_at" DESC,"id");--> statement-breakpoint
CREATE INDEX "partner_post_author_idx" ON "partner_post" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "partner_post_reply_post_idx" ON "partner_post_reply" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_post_reply_author_idx" ON "partner_post_reply" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "notification_person_idx" ON "notification" USING btree ("person_id","created_at" DESC);--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("person_id","kind","subject_id") WHERE "notification"."read_at" IS NULL;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_day" CHECK ("school"."day_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "school"."day_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "school"."day_start" < "school"."day_end");
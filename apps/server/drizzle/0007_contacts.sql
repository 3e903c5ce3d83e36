CREATE TABLE "contact_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_id" uuid NOT NULL,
	"addressee_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "contact_request_not_self" CHECK ("contact_request"."requester_id" <> "contact_request"."addressee_id"),
	CONSTRAINT "contact_request_status_known" CHECK ("contact_request"."status" IN ('pending', 'accepted', 'declined', 'withdrawn', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "person_block" (
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_block_blocker_id_blocked_id_pk" PRIMARY KEY("blocker_id","blocked_id")
);
--> statement-breakpoint
ALTER TABLE "contact_request" ADD CONSTRAINT "contact_request_requester_id_person_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_request" ADD CONSTRAINT "contact_request_addressee_id_person_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_block" ADD CONSTRAINT "person_block_blocker_id_person_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_block" ADD CONSTRAINT "person_block_blocked_id_person_id_fk" FOREIGN KEY ("blocked_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_request_live_pair" ON "contact_request" USING btree (least("requester_id", "addressee_id"),greatest("requester_id", "addressee_id")) WHERE "contact_request"."status" IN ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "contact_request_addressee_idx" ON "contact_request" USING btree ("addressee_id","status");--> statement-breakpoint
CREATE INDEX "contact_request_requester_idx" ON "contact_request" USING btree ("requester_id","status");--> statement-breakpoint
CREATE INDEX "person_block_blocked_idx" ON "person_block" USING btree ("blocked_id");
CREATE TABLE "therapist_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"client_id" uuid,
	"kind" text NOT NULL,
	"booking_id" uuid,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	"seen_by" uuid,
	CONSTRAINT "therapist_notifications_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "screened_privately_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "couples" ADD COLUMN "joint_work_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "couples" ADD COLUMN "joint_work_first_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "notify_by_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "notification_email_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapist_notifications" ADD CONSTRAINT "therapist_notifications_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_notifications" ADD CONSTRAINT "therapist_notifications_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_notifications" ADD CONSTRAINT "therapist_notifications_seen_by_therapists_id_fk" FOREIGN KEY ("seen_by") REFERENCES "public"."therapists"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "therapist_notifications_therapist_idx" ON "therapist_notifications" USING btree ("therapist_id","seen_at");
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"kind" text NOT NULL,
	"meeting" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"visitor_encrypted" text NOT NULL,
	"visitor_email_lookup" text NOT NULL,
	"visitor_time_zone" text NOT NULL,
	"submission_id" uuid NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "bookings_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "bookings_times_check" CHECK ("bookings"."starts_at" < "bookings"."ends_at" and "bookings"."blocked_from" <= "bookings"."starts_at" and "bookings"."blocked_until" >= "bookings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "booking_settings" (
	"therapist_id" uuid PRIMARY KEY NOT NULL,
	"accepts_bookings" boolean DEFAULT true NOT NULL,
	"duration_minutes" integer DEFAULT 20 NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 10 NOT NULL,
	"minimum_notice_minutes" integer DEFAULT 720 NOT NULL,
	"horizon_days" integer DEFAULT 30 NOT NULL,
	"interval_minutes" integer DEFAULT 30 NOT NULL,
	"max_per_day" integer,
	"cancellation_cutoff_hours" integer DEFAULT 24 NOT NULL,
	"video_link" text,
	"phone_arrangement" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "booking_settings_ranges_check" CHECK ("booking_settings"."duration_minutes" between 5 and 240 and "booking_settings"."interval_minutes" between 5 and 240
        and "booking_settings"."buffer_before_minutes" between 0 and 240 and "booking_settings"."buffer_after_minutes" between 0 and 240
        and "booking_settings"."minimum_notice_minutes" between 0 and 43200 and "booking_settings"."horizon_days" between 1 and 365
        and ("booking_settings"."max_per_day" is null or "booking_settings"."max_per_day" between 1 and 50)
        and "booking_settings"."cancellation_cutoff_hours" between 0 and 336)
);
--> statement-breakpoint
CREATE TABLE "date_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"date" date NOT NULL,
	"ranges" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "date_overrides_therapist_date" UNIQUE("therapist_id","date")
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_overrides" ADD CONSTRAINT "date_overrides_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_therapist_start_idx" ON "bookings" USING btree ("therapist_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_email_lookup_idx" ON "bookings" USING btree ("visitor_email_lookup");--> statement-breakpoint
-- The last line of defence against double booking (decision record 009): two active bookings of one
-- therapist can never overlap, whatever code path or app instance writes them.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
	"therapist_id" WITH =,
	tstzrange("blocked_from", "blocked_until", '[)') WITH &&
) WHERE ("status" IN ('requested', 'confirmed'));

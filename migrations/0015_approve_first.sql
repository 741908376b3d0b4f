-- Approve first (decision record 038): a request holds its time until the therapist answers or it lapses.
-- No code wrote status 'requested' before this migration, so the new check holds for every existing row.
ALTER TABLE "bookings" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "decline_message_encrypted" text;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD COLUMN "approval_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD COLUMN "request_expiry_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
CREATE INDEX "bookings_expires_at_idx" ON "bookings" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_request_expiry_check" CHECK (("bookings"."status" = 'requested') = ("bookings"."expires_at" is not null)
        and ("bookings"."expires_at" is null or "bookings"."expires_at" < "bookings"."starts_at"));--> statement-breakpoint
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_request_expiry_check" CHECK ("booking_settings"."request_expiry_hours" between 1 and 168);
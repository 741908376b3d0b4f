ALTER TABLE "bookings" ADD COLUMN "cancel_reason_encrypted" text;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD COLUMN "grace_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_grace_check" CHECK ("booking_settings"."grace_minutes" between 0 and 1440);
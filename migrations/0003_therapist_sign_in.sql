ALTER TABLE "therapists" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "is_owner" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "failed_sign_ins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "sign_in_blocked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_email_unique" UNIQUE("email");
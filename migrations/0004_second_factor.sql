CREATE TABLE "therapist_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "totp_secret_encrypted" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "therapist_recovery_codes" ADD CONSTRAINT "therapist_recovery_codes_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "therapist_recovery_codes_therapist_idx" ON "therapist_recovery_codes" USING btree ("therapist_id");
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_kind" text NOT NULL,
	"account_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "totp_secret_encrypted" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "failed_sign_ins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "sign_in_blocked_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "recovery_codes_account_idx" ON "recovery_codes" USING btree ("account_kind","account_id");--> statement-breakpoint
-- Therapists' codes move into the table both kinds of account share; 0012 drops the old table.
INSERT INTO "recovery_codes" ("id", "account_kind", "account_id", "code_hash", "used_at")
SELECT "id", 'therapist', "therapist_id", "code_hash", "used_at" FROM "therapist_recovery_codes";

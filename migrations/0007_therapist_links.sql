CREATE TABLE "therapist_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"therapist_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "therapist_links" ADD CONSTRAINT "therapist_links_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "therapist_links_therapist_idx" ON "therapist_links" USING btree ("therapist_id");
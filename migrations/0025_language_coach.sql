CREATE TABLE "language_coach_settings" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"therapist_id" uuid NOT NULL,
	"turned_on_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "language_coach_settings" ADD CONSTRAINT "language_coach_settings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "language_coach_settings" ADD CONSTRAINT "language_coach_settings_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;